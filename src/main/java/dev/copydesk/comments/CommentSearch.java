package dev.copydesk.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.SearchText;

/**
 * Staff search over comments, on the {@code comment_search_term} table (V8_4, ADR 0004): intake
 * writes a comment's words in its own transaction, so the index is right on every node at commit.
 * Only the text is indexed, and a comment's text never changes; its status, section and email are
 * read from the comment row at query time, so a decision (on any node) needs no index update.
 */
@Service
@Transactional(readOnly = true)
public class CommentSearch {

    /** Author-name words are indexed with this prefix, so they never match body words. */
    static final String NAME_PREFIX = "~";

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final java.time.Clock clock;
    private final org.springframework.core.task.TaskExecutor background;

    CommentSearch(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Qualifier(dev.copydesk.shared.BackgroundWork.EXECUTOR)
            org.springframework.core.task.TaskExecutor background) {
        this.background = background;
        this.jdbc = jdbc;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Comments from before the index existed are indexed once, in the background, by one node (V8_5). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void backfillInTheBackground() {
        background.execute(() -> {
            try {
                backfill();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CommentSearch.class)
                        .warn("Search backfill of comments stopped; it resumes at the next start", e);
                jdbc.update("update search_backfill set state = 'PENDING' where kind = 'comments' and state = 'RUNNING'");
            }
        });
    }

    /** Indexes the comments written before the index existed, if this node claims the job; answers how many. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public long backfill() {
        return dev.copydesk.shared.SearchBackfill.run("comments", jdbc, tx, clock,
                (after, before, limit) -> jdbc.queryForList(
                        "select id from reader_comment where id > ? and created_at < ? order by id limit ?",
                        String.class, after, before, limit),
                (ids, before) -> {
                    for (String id : ids) {
                        jdbc.query("select created_at, author_name, body from reader_comment where id = ?", rs -> {
                            Timestamp at = rs.getTimestamp(1);
                            List<Object[]> rows = new ArrayList<>();
                            for (String term : SearchText.terms(rs.getString(3))) {
                                rows.add(new Object[] {term, at, id, term, at, id});
                            }
                            for (String term : SearchText.terms(rs.getString(2))) {
                                String t = NAME_PREFIX + term;
                                rows.add(new Object[] {t, at, id, t, at, id});
                            }
                            // idempotent: a row intake already wrote is left as it is
                            jdbc.batchUpdate("insert into comment_search_term (term, created_at, comment_id) "
                                    + "select ?, ?, ? where not exists (select 1 from comment_search_term "
                                    + "where term = ? and created_at = ? and comment_id = ?)", rows);
                        }, id);
                    }
                });
    }

    /** Writes the words of a new comment, in the caller's transaction (intake). */
    @Transactional
    void index(String commentId, Instant createdAt, String authorName, String body) {
        Timestamp at = Timestamp.from(createdAt);
        List<Object[]> rows = new ArrayList<>();
        for (String term : SearchText.terms(body)) {
            rows.add(new Object[] {term, at, commentId});
        }
        for (String term : SearchText.terms(authorName)) {
            rows.add(new Object[] {NAME_PREFIX + term, at, commentId});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into comment_search_term (term, created_at, comment_id) values (?, ?, ?)", rows);
        }
    }

    /**
     * What to look for. {@code words}: folded body words, all required; {@code nameWords}: folded
     * author-name words, all required; {@code authorKey}: the author's email key; {@code sections}:
     * {@code null} for every section; {@code afterAt}/{@code afterId}: the keyset of the last hit of
     * the previous page (newest first). At least one of words, nameWords, authorKey or articleId.
     */
    public record Query(List<String> words, List<String> nameWords, String authorKey, CommentStatus status,
            String articleId, Instant from, Instant to, Collection<String> sections, Instant afterAt, String afterId,
            int limit) {
    }

    /** A comment found; {@code authorEmail} is for moderators only. */
    public record Hit(String commentId, String articleId, String articleSlug, String section, String authorName,
            String authorEmail, CommentStatus status, Instant createdAt, String body) {
    }

    public List<Hit> search(Query q) {
        if (q.sections() != null && q.sections().isEmpty()) {
            return List.of();
        }
        List<String> terms = new ArrayList<>(q.words());
        q.nameWords().forEach(w -> terms.add(NAME_PREFIX + w));
        // the longest word first: usually the rarest, so the range the page is read from is short
        terms.sort((a, b) -> Integer.compare(b.length(), a.length()));
        List<Object> args = new ArrayList<>();
        // the keyset is the term row's time when words are asked (what the pages are read by)
        StringBuilder sql = new StringBuilder("select c.id, c.article_id, c.article_slug, c.section, c.author_name, "
                + "c.author_email, c.status, " + (terms.isEmpty() ? "c.created_at" : "t.created_at") + ", c.body ");
        String at;
        String id;
        if (!terms.isEmpty()) {
            sql.append("from comment_search_term t join reader_comment c on c.id = t.comment_id where t.term = ? ");
            args.add(terms.get(0));
            for (String other : terms.subList(1, terms.size())) {
                sql.append("and exists (select 1 from comment_search_term t2 where t2.term = ? "
                        + "and t2.created_at = t.created_at and t2.comment_id = t.comment_id) ");
                args.add(other);
            }
            at = "t.created_at";
            id = "t.comment_id";
        } else {
            sql.append("from reader_comment c where 1 = 1 ");
            at = "c.created_at";
            id = "c.id";
        }
        if (q.afterAt() != null) {
            // a plain range first, so the database starts its index scan there, then the ties
            sql.append("and ").append(at).append(" <= ? and (").append(at).append(" < ? or ").append(id).append(" < ?) ");
            args.add(Timestamp.from(q.afterAt()));
            args.add(Timestamp.from(q.afterAt()));
            args.add(q.afterId());
        }
        if (q.from() != null) {
            sql.append("and ").append(at).append(" >= ? ");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append("and ").append(at).append(" < ? ");
            args.add(Timestamp.from(q.to()));
        }
        if (q.authorKey() != null) {
            sql.append("and c.author_key = ? ");
            args.add(q.authorKey());
        }
        if (q.articleId() != null) {
            sql.append("and c.article_id = ? ");
            args.add(q.articleId());
        }
        if (q.status() != null) {
            sql.append("and c.status = ? ");
            args.add(q.status().name());
        }
        if (q.sections() != null) {
            sql.append("and c.section in (").append(String.join(", ", q.sections().stream().map(s -> "?").toList()))
                    .append(") ");
            args.addAll(q.sections());
        }
        // ORDER BY begins like the index, so H2 reads it in order and stops at the limit
        sql.append(terms.isEmpty() ? "order by c.created_at desc, c.id desc "
                : "order by t.term desc, t.created_at desc, t.comment_id desc ");
        sql.append("limit ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), (rs, n) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), CommentStatus.valueOf(rs.getString(7)),
                rs.getTimestamp(8).toInstant(), rs.getString(9)), args.toArray());
    }

    /** Set of folded words of a query, for callers that highlight. */
    public static Set<String> words(String query) {
        return SearchText.terms(query);
    }
}
