-- Bans of commenters (permanent, or a suspension with until) and the moderation settings.
create table moderation_ban (
    id           varchar(36)  not null primary key,
    author_key   varchar(64)  not null,
    author_email varchar(254) not null,
    reason       varchar(500) not null,
    until        timestamp with time zone,
    created_by   varchar(80)  not null,
    created_at   timestamp with time zone not null,
    lifted_at    timestamp with time zone,
    lifted_by    varchar(80)
);
create index ix_moderation_ban_author on moderation_ban (author_key);

-- One row (id = 1) holding the settings document as JSON, so new settings need no migration.
create table moderation_settings (
    id         integer        not null primary key,
    document   varchar(200000) not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(80)    not null,
    version    bigint         not null
);
