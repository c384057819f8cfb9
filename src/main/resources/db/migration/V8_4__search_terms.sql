-- Staff search (docs/adr/0004-search-index-in-the-database.md): an inverted index kept in the
-- database, one row per distinct folded word of a document (shared/SearchText), written in the
-- transaction that writes the document, so every node sees it at commit and nothing else needs
-- installing. Rows carry the document's creation time, so one word's documents are one index range
-- read newest first and a page stops after its limit; filters are read from the document's row.

-- Comments: the body's words, and the author name's words prefixed with '~'. A comment's text never
-- changes, so its rows are written once at intake; status, section and email are read live.
create table comment_search_term (
    term       varchar(41) not null,
    created_at timestamp with time zone not null,
    comment_id varchar(36) not null,
    primary key (term, created_at, comment_id)
);

-- Articles: the editable copy's words (title, summary, body, tags), rewritten on every edit.
create table article_search_term (
    term       varchar(41) not null,
    created_at timestamp with time zone not null,
    article_id varchar(36) not null,
    primary key (term, created_at, article_id)
);
create index ix_article_search_term_article on article_search_term (article_id);

-- Existing documents are indexed at start-up by the SearchBackfill of each module (a term table
-- cannot be filled from SQL alone: folding and tokenising are Java's).
