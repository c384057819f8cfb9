-- Sections (desks): every article belongs to one. The slug is the key for good; a section is renamed
-- by its display name and archived, never deleted. Existing articles go into the default section
-- 'news'. Runs on H2 and PostgreSQL 15.
create table section (
    slug       varchar(40) not null primary key,
    name       varchar(80) not null,
    archived   boolean     not null,
    created_at timestamp with time zone not null,
    version    bigint      not null
);

insert into section (slug, name, archived, created_at, version) values ('news', 'News', false, current_timestamp, 0);

alter table article add column section varchar(40) default 'news' not null;
alter table article add constraint fk_article_section foreign key (section) references section (slug);

-- The public listing by section keeps its keyset order (published_at, id), like ix_article_public.
create index ix_article_public_section on article (status, section, published_at desc, id desc);
