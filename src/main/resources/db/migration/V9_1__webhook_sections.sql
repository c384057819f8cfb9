-- A webhook endpoint may be limited to named sections: an event about an article or a comment of
-- another section is not delivered to it. No rows = the whole newsroom (every endpoint before V9_1).
create table webhook_endpoint_section (
    endpoint_id varchar(36) not null references webhook_endpoint (id) on delete cascade,
    section     varchar(40) not null references section (slug),
    primary key (endpoint_id, section)
);
