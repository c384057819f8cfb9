package dev.copydesk.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.operations.PrivateDataEraser;
import dev.copydesk.operations.QueueDepthSource;

/**
 * What operations asks of the comments module: erase readers' private data (the email address and
 * the client-address hash) once it is older than {@code copydesk.retention.comment-private-data},
 * keeping the comment, its status and history; and the depth of each moderation queue.
 */
@Component
class CommentRetention implements PrivateDataEraser, QueueDepthSource {

    /** What an erased email reads as: not an address, so nothing can be mailed to it. */
    static final String ERASED = "";

    private final JdbcTemplate jdbc;
    private final CommentDesk desk;

    CommentRetention(JdbcTemplate jdbc, CommentDesk desk) {
        this.jdbc = jdbc;
        this.desk = desk;
    }

    @Override
    public String dataName() {
        return "comment-private-data";
    }

    @Override
    @Transactional
    public long eraseCreatedBefore(Instant cutoff) {
        return jdbc.update("update reader_comment set author_email = ?, client_hash = ?, notify = false "
                + "where created_at < ? and (author_email <> ? or client_hash <> ?)",
                ERASED, ERASED, Timestamp.from(cutoff), ERASED, ERASED);
    }

    @Override
    public Map<String, Long> queueDepths() {
        return Map.of(CommentQueue.PENDING.apiName(), desk.queueSize(CommentQueue.PENDING),
                CommentQueue.REPORTED.apiName(), desk.queueSize(CommentQueue.REPORTED));
    }
}
