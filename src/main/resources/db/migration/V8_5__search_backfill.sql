-- Documents written before the search index existed are indexed once, in the background, by the
-- first node that claims each row (ArticleSearchBackfill, CommentSearchBackfill): everything created
-- before indexed_before; later documents are indexed by their own transactions.
create table search_backfill (
    kind           varchar(20) not null primary key,
    state          varchar(10) not null,
    indexed_before timestamp with time zone not null,
    claimed_at     timestamp with time zone
);
insert into search_backfill (kind, state, indexed_before) values ('articles', 'PENDING', current_timestamp);
insert into search_backfill (kind, state, indexed_before) values ('comments', 'PENDING', current_timestamp);
