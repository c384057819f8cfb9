package dev.copydesk.articles.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.copydesk.operations.DriftSource;

import static dev.copydesk.articles.process.ArticlePublicationProcess.TASK_REVIEW_ARTICLE;

/**
 * Article status against the article-publication process's wait state, read from the engine's
 * runtime tables: an article in review has an open review task, a scheduled one a timer
 * (docs/operations.md, "Drift", has the repair for each kind).
 */
@Component
class ArticlePublicationDrift implements DriftSource {

    static final String IN_REVIEW_WITHOUT_TASK = "article-in-review-without-task";
    static final String REVIEW_TASK_WITHOUT_ARTICLE_IN_REVIEW = "review-task-without-article-in-review";
    static final String SCHEDULED_WITHOUT_TIMER = "article-scheduled-without-timer";

    private final JdbcTemplate jdbc;

    ArticlePublicationDrift(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> drift() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put(IN_REVIEW_WITHOUT_TASK, jdbc.queryForObject("""
                select count(*) from article a where a.status = 'IN_REVIEW' and not exists (
                    select 1 from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                    where e.BUSINESS_KEY_ = a.id and t.TASK_DEF_KEY_ = ?)""", Long.class, TASK_REVIEW_ARTICLE));
        kinds.put(REVIEW_TASK_WITHOUT_ARTICLE_IN_REVIEW, jdbc.queryForObject("""
                select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                where t.TASK_DEF_KEY_ = ? and not exists (
                    select 1 from article a where a.id = e.BUSINESS_KEY_ and a.status = 'IN_REVIEW')""",
                Long.class, TASK_REVIEW_ARTICLE));
        // a scheduled article's process waits on Timer_PublishAt, its only timer in that state
        kinds.put(SCHEDULED_WITHOUT_TIMER, jdbc.queryForObject("""
                select count(*) from article a where a.status = 'SCHEDULED' and not exists (
                    select 1 from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_
                    where e.BUSINESS_KEY_ = a.id and j.TYPE_ = 'timer')""", Long.class));
        return kinds;
    }
}
