package dev.copydesk.articles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.copydesk.shared.SearchText;

/**
 * The article side of staff search, on {@code article_search_term} (V8_4, ADR 0004): the editable
 * copy's words, rewritten by {@link ArticleDesk} in the transaction of every create and edit, so
 * every node finds the new text at commit. Status, section and author are read from the article row
 * at query time, so a decision or a move needs no index update.
 */
@Component
class ArticleSearch {

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final java.time.Clock clock;
    private final org.springframework.core.task.TaskExecutor background;
    private final Articles articles;

    ArticleSearch(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
            java.time.Clock clock, @org.springframework.context.annotation.Lazy Articles articles,
            @org.springframework.beans.factory.annotation.Qualifier(dev.copydesk.shared.BackgroundWork.EXECUTOR)
            org.springframework.core.task.TaskExecutor background) {
        this.background = background;
        this.jdbc = jdbc;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.clock = clock;
        this.articles = articles;
    }

    /** Articles from before the index existed are indexed once, in the background, by one node (V8_5). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void backfillInTheBackground() {
        background.execute(() -> {
            try {
                backfill();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ArticleSearch.class)
                        .warn("Search backfill of articles stopped; it resumes at the next start", e);
                jdbc.update("update search_backfill set state = 'PENDING' where kind = 'articles' and state = 'RUNNING'");
            }
        });
    }

    /** Indexes the articles written before the index existed, if this node claims the job (rewrites are idempotent). */
    long backfill() {
        return dev.copydesk.shared.SearchBackfill.run("articles", jdbc, tx, clock,
                (after, before, limit) -> jdbc.queryForList(
                        "select id from article where id > ? and created_at < ? order by id limit ?",
                        String.class, after, before, limit),
                (ids, before) -> articles.findAllById(ids).forEach(this::index));
    }

    void index(Article a) {
        jdbc.update("delete from article_search_term where article_id = ?", a.id());
        Timestamp at = Timestamp.from(a.createdAt());
        List<Object[]> rows = new ArrayList<>();
        for (String term : SearchText.terms(a.title(), a.summary(), String.join(" ", a.tags()), a.body())) {
            rows.add(new Object[] {term, at, a.id()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into article_search_term (term, created_at, article_id) values (?, ?, ?)", rows);
        }
    }

    /**
     * Ids and keyset times of the articles holding every word, newest created first. {@code mine}
     * with {@code orInSections}: the caller's own articles or those sections' ({@code orInSections}
     * {@code null}: no such limit; {@code mine} alone: only the caller's).
     */
    List<Found> search(List<String> words, String section, ArticleStatus status, String authorId, String mine,
            Collection<String> orInSections, Instant afterAt, String afterId, int limit) {
        List<String> terms = new ArrayList<>(words);
        terms.sort((x, y) -> Integer.compare(y.length(), x.length()));
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.article_id, t.created_at from article_search_term t "
                + "join article a on a.id = t.article_id where t.term = ? ");
        args.add(terms.get(0));
        for (String other : terms.subList(1, terms.size())) {
            sql.append("and exists (select 1 from article_search_term t2 where t2.term = ? "
                    + "and t2.created_at = t.created_at and t2.article_id = t.article_id) ");
            args.add(other);
        }
        if (afterAt != null) {
            sql.append("and t.created_at <= ? and (t.created_at < ? or t.article_id < ?) ");
            args.add(Timestamp.from(afterAt));
            args.add(Timestamp.from(afterAt));
            args.add(afterId);
        }
        if (section != null) {
            sql.append("and a.section = ? ");
            args.add(section);
        }
        if (status != null) {
            sql.append("and a.status = ? ");
            args.add(status.name());
        }
        if (authorId != null) {
            sql.append("and a.author_id = ? ");
            args.add(authorId);
        }
        if (mine != null) {
            if (orInSections == null || orInSections.isEmpty()) {
                sql.append("and a.author_id = ? ");
                args.add(mine);
            } else {
                sql.append("and (a.author_id = ? or a.section in (")
                        .append(String.join(", ", orInSections.stream().map(s -> "?").toList())).append(")) ");
                args.add(mine);
                args.addAll(orInSections);
            }
        }
        sql.append("order by t.term desc, t.created_at desc, t.article_id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Found(rs.getString(1), rs.getTimestamp(2).toInstant()),
                args.toArray());
    }

    record Found(String articleId, Instant at) {
    }
}
