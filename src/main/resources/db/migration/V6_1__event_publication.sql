-- Spring Modulith's event publication registry (docs/architecture.md, "Events"): every event a
-- change publishes is stored here in that change's transaction, one row per after-commit listener,
-- and deleted when the listener has done its work (completion mode "delete"). A row still here is
-- an event not yet handed on; it is resubmitted at start-up and periodically.
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(1000000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);

create index ix_event_publication_completion on event_publication (completion_date);
create index ix_event_publication_date on event_publication (publication_date);
