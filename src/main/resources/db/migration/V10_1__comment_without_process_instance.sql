-- The moderation process finds its instance by business key (the comment id): the comment row no
-- longer keeps the engine's process instance id, so nothing outside the process package carries it.
alter table reader_comment drop column process_instance_id;
