-- Mail as webhooks have it: every mail is stored with the event that caused it (in the same
-- transaction as the event's journal entry), sent by an engine job with retries and back-off, and
-- kept in a delivery log an ADMIN can read (pruned after copydesk.mail.delivery-log-retention).
create table mail_delivery (
    id              varchar(36)  not null primary key,
    -- The event that caused it; null for a moderator digest, which gathers many.
    event_id        varchar(36),
    kind            varchar(64)  not null,
    recipient       varchar(320) not null,
    subject         varchar(1000) not null,
    text_body       text         not null,
    html_body       text         not null,
    unsubscribe_url varchar(2000),
    status          varchar(20)  not null,
    attempts        integer      not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone
);

create index ix_mail_delivery_created on mail_delivery (created_at);
create index ix_mail_delivery_status on mail_delivery (status, created_at);
create index ix_mail_delivery_event on mail_delivery (event_id);
