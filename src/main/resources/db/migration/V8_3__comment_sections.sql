-- A comment carries its article's section, so a section moderator's queue is an index range and
-- moving an article moves its comments in one update. Every article is in 'news' after V8_1.
alter table reader_comment add column section varchar(40) default 'news' not null;
create index ix_comment_queue_section on reader_comment (queue, section, queued_at, id);
