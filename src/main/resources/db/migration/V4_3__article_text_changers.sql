-- Four-eyes on the text (issue 12): who changed an article's editable copy since it last went live,
-- and, frozen with each submitted revision, who changed that revision's text. None of them may
-- approve it. Stored like tags (",id1,id2,"); "," is nobody. Runs on H2 and PostgreSQL 15.
-- Numbered after the last script (4.2) so that existing databases apply it in order.
alter table article add column text_changed_by varchar(4000) default ',' not null;
alter table article_revision add column changed_by varchar(4000) default ',' not null;
