-- Staff accounts and their roles. Passwords are stored only as adaptive hashes.
create table account (
    id            varchar(36)  not null primary key,
    username      varchar(40)  not null,
    display_name  varchar(120) not null,
    email         varchar(254) not null,
    password_hash varchar(200) not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint uk_account_username unique (username)
);

create table account_role (
    account_id varchar(36) not null references account (id),
    role       varchar(20) not null,
    primary key (account_id, role)
);
