-- Articles, their immutable revisions (one per submission: exactly what was reviewed) and their
-- history (every transition: who, when, from, to, note). Runs on H2 and PostgreSQL 15.
--
-- The editable copy (title, summary, body, tags) lives on the article row. The live copy the public
-- reads (live_*) is written when a revision goes live, with the body already rendered and sanitised,
-- so reading an article by slug is one indexed row and no Markdown work.
-- Tags are stored as ",tag1,tag2," so that a tag filter is a plain LIKE on both databases.
create table article (
    id                  varchar(36)   not null primary key,
    slug                varchar(120)  not null,
    title               varchar(200)  not null,
    summary             varchar(1000) not null,
    body                varchar(100000) not null,
    tags                varchar(1000) not null,
    status              varchar(20)   not null,
    author_id           varchar(36)   not null,
    version             bigint        not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    published_at        timestamp with time zone,
    publish_at          timestamp with time zone,
    unpublish_at        timestamp with time zone,
    unpublished_at      timestamp with time zone,
    pending_revision    varchar(20),
    review_revision_id  varchar(36),
    review_requested_at timestamp with time zone,
    review_due_at       timestamp with time zone,
    review_overdue      boolean       not null,
    last_review_note    varchar(4000),
    comments_open       boolean       not null,
    premoderation       varchar(10)   not null,
    live_revision_id    varchar(36),
    live_title          varchar(200),
    live_summary        varchar(1000),
    live_tags           varchar(1000),
    live_body_html      varchar(400000),
    constraint uk_article_slug unique (slug)
);

-- Staff lists ("my articles", "by status") and the public listing's keyset (published_at, id).
create index ix_article_author on article (author_id, updated_at);
create index ix_article_status on article (status, updated_at);
create index ix_article_public on article (status, published_at desc, id desc);

create table article_revision (
    id           varchar(36)   not null primary key,
    article_id   varchar(36)   not null references article (id),
    revision_number integer       not null,
    title        varchar(200)  not null,
    summary      varchar(1000) not null,
    body         varchar(100000) not null,
    tags         varchar(1000) not null,
    submitted_by varchar(36)   not null,
    submitted_at timestamp with time zone not null,
    constraint uk_article_revision_number unique (article_id, revision_number)
);

create table article_history (
    id              varchar(36)  not null primary key,
    article_id      varchar(36)  not null references article (id),
    seq             integer      not null,
    occurred_at     timestamp with time zone not null,
    actor           varchar(36)  not null,
    action          varchar(40)  not null,
    from_status     varchar(20),
    to_status       varchar(20)  not null,
    revision_number integer,
    note            varchar(4000),
    constraint uk_article_history_seq unique (article_id, seq)
);

