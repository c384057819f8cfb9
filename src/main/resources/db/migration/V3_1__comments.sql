-- Reader comments, their flags, their history and the idempotency keys of intake.
-- Emails stay in author_email (staff-only); author_key is a hash of the normalised email used by
-- per-author rules; client_hash is a keyed HMAC of the client address (the address itself is never stored).
create table reader_comment (
    id                  varchar(36)   not null primary key,
    article_id          varchar(36)   not null,
    article_slug        varchar(200)  not null,
    parent_id           varchar(36),
    author_name         varchar(80)   not null,
    author_email        varchar(254)  not null,
    author_key          varchar(64)   not null,
    client_hash         varchar(64)   not null,
    body                varchar(4000) not null,
    body_hash           varchar(64)   not null,
    notify              boolean       not null,
    status              varchar(10)   not null,
    visible             boolean       not null,
    queue               varchar(10),
    queued_at           timestamp with time zone,
    due_at              timestamp with time zone,
    overdue             boolean       not null,
    flag_count          integer       not null,
    reasons             varchar(4000),
    process_instance_id varchar(64),
    created_at          timestamp with time zone not null,
    decided_at          timestamp with time zone,
    decided_by          varchar(80),
    decision_reason     varchar(40),
    version             bigint        not null
);

-- The moderation queue: oldest first, keyset paging on (queued_at, id).
create index ix_reader_comment_queue on reader_comment (queue, queued_at, id);
-- The public thread of an article: visible comments oldest first, keyset paging on (created_at, id).
create index ix_reader_comment_thread on reader_comment (article_id, visible, created_at, id);
-- The author's record (approved, rejected, pending) and the trust rule.
create index ix_reader_comment_author on reader_comment (author_key, status);
-- The duplicate rule: the same body from the same author within a day.
create index ix_reader_comment_duplicate on reader_comment (author_key, body_hash, created_at);

create table comment_flag (
    id          varchar(36) not null primary key,
    comment_id  varchar(36) not null references reader_comment (id),
    client_hash varchar(64) not null,
    reason      varchar(20) not null,
    created_at  timestamp with time zone not null,
    constraint uk_comment_flag_reader unique (comment_id, client_hash)
);

create table comment_history (
    id          varchar(36)  not null primary key,
    comment_id  varchar(36)  not null references reader_comment (id),
    at          timestamp with time zone not null,
    actor       varchar(80)  not null,
    action      varchar(20)  not null,
    from_status varchar(10),
    to_status   varchar(10),
    reason      varchar(200),
    reasons     varchar(4000)
);
create index ix_comment_history_comment on comment_history (comment_id, at);

-- A retried intake with the same Idempotency-Key answers from here; rows expire after a day.
create table comment_idempotency (
    key_hash    varchar(64)   not null primary key,
    fingerprint varchar(64)   not null,
    answer      varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index ix_comment_idempotency_created on comment_idempotency (created_at);
