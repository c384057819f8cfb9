package dev.copydesk.moderation.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.copydesk.operations.DriftSource;

import static dev.copydesk.moderation.process.CommentModerationProcess.TASK_MODERATE_COMMENT;

/**
 * Queued comments (pending or reported) against open moderation tasks, read from the engine's
 * runtime tables in two anti-joins (docs/operations.md, "Drift", has the repair for each kind).
 */
@Component
class CommentModerationDrift implements DriftSource {

    static final String QUEUED_WITHOUT_TASK = "comment-queued-without-task";
    static final String TASK_WITHOUT_QUEUED_COMMENT = "moderation-task-without-queued-comment";

    private final JdbcTemplate jdbc;

    CommentModerationDrift(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> drift() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put(QUEUED_WITHOUT_TASK, jdbc.queryForObject("""
                select count(*) from reader_comment c where c.queue is not null and not exists (
                    select 1 from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                    where e.BUSINESS_KEY_ = c.id and t.TASK_DEF_KEY_ = ?)""",
                Long.class, TASK_MODERATE_COMMENT));
        kinds.put(TASK_WITHOUT_QUEUED_COMMENT, jdbc.queryForObject("""
                select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                where t.TASK_DEF_KEY_ = ? and not exists (
                    select 1 from reader_comment c where c.id = e.BUSINESS_KEY_ and c.queue is not null)""",
                Long.class, TASK_MODERATE_COMMENT));
        return kinds;
    }
}
