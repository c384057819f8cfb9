package dev.copydesk.comments;

import java.time.Clock;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.Ids;
import dev.copydesk.shared.NotFoundException;

/**
 * Reader flags: one per client address and comment counts. When an approved comment's flags reach
 * the threshold, the moderation process hides it and puts it into the reported queue.
 */
@Service
public class CommentFlags {

    private final CommentRepository comments;
    private final CommentFlagRepository flags;
    private final ModerationGate moderation;
    private final ClientAddresses clients;
    private final EntityManager entityManager;
    private final Clock clock;

    CommentFlags(CommentRepository comments, CommentFlagRepository flags, ModerationGate moderation,
            ClientAddresses clients, EntityManager entityManager, Clock clock) {
        this.comments = comments;
        this.flags = flags;
        this.moderation = moderation;
        this.clients = clients;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records a reader's flag; a second flag from the same address changes nothing. 404 unless visible. */
    @Transactional
    public void flag(String commentId, FlagReason reason, String clientAddress) {
        if (!Ids.isWellFormed(commentId)) {
            throw new NotFoundException("Comment", commentId);
        }
        Comment comment = comments.findByIdAndVisibleTrue(commentId)
                .orElseThrow(() -> new NotFoundException("Comment", commentId));
        String clientHash = clients.hash(clientAddress);
        if (flags.exists(commentId, clientHash)) {
            return;
        }
        flags.saveAndFlush(new CommentFlag(commentId, clientHash, reason, clock.instant()));
        // An atomic increment: concurrent flags queue up on the row instead of failing on its version.
        comments.addFlag(commentId);
        entityManager.refresh(comment);
        if (comment.reportable(moderation.flagThreshold())) {
            moderation.report(commentId);
        }
    }
}
