-- Scoped roles: a role held for named sections only. A role of account_role with no row here is held
-- for the whole newsroom, so every role granted before sections existed stays global.
create table account_role_section (
    account_id varchar(36) not null references account (id),
    role       varchar(20) not null,
    section    varchar(40) not null references section (slug),
    primary key (account_id, role, section)
);
