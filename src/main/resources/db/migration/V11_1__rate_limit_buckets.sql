-- Token buckets of the rate limits (flood control, login throttle), shared by every node: one row
-- per counted key (a SHA-256 of author, client address or username), its Bucket4j state and when it
-- last changed. Rows untouched for a day are deleted (a bucket idle that long is full again).
create table rate_limit_bucket (
    id          varchar(80) not null primary key,
    state       bytea,
    updated_at  timestamp with time zone not null
);

create index ix_rate_limit_bucket_updated on rate_limit_bucket (updated_at);
