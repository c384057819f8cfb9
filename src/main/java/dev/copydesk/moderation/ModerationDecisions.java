package dev.copydesk.moderation;

import org.springframework.lang.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentDesk.CommentSummary;
import dev.copydesk.comments.CommentHistory;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.NotFoundException;

/**
 * Moderators' decisions on queued comments. A decision completes the comment's moderator task, and
 * the process applies it; a comment no longer in a queue is a 409. Two moderators deciding the same
 * comment at once: one wins, the other's transaction is rolled back whole and answered 409.
 */
@Service
public class ModerationDecisions {

    public static final int MAX_BULK = 100;

    private final CommentDesk comments;
    private final ModerationWorkflow workflow;
    private final TransactionTemplate eachInItsOwnTransaction;

    ModerationDecisions(CommentDesk comments, ModerationWorkflow workflow, PlatformTransactionManager transactions) {
        this.comments = comments;
        this.workflow = workflow;
        this.eachInItsOwnTransaction = new TransactionTemplate(transactions);
        this.eachInItsOwnTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A decision by {@code me}: a comment on an article outside the moderator's sections is, to
     * them, not there (404), as another writer's article is to a writer.
     */
    @Transactional
    public Decided decide(StaffMember me, String commentId, Decision decision, String reason) {
        // One read, locked, serves both the scope check and the decision (no statement more than before).
        CommentSummary comment = lockedForDecision(commentId);
        if (!me.scope(Role.MODERATOR).covers(comment.section())) {
            throw new NotFoundException("Comment", commentId);
        }
        return decide(comment, decision, reason, me.username());
    }

    /** {@link #decideAll(List, Decision, String, String)} for {@code me}: out-of-scope comments are NOT_FOUND. */
    public List<BulkOutcome> decideAll(StaffMember me, List<String> commentIds, Decision decision, String reason) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        List<String> inScope = new ArrayList<>();
        for (String id : new LinkedHashSet<>(commentIds)) {
            try {
                inScope(me, id);
                inScope.add(id);
            } catch (NotFoundException e) {
                outcomes.add(new BulkOutcome(id, "NOT_FOUND", null, e.getMessage()));
            }
        }
        outcomes.addAll(0, decideAll(inScope, decision, reason, me.username()));
        return outcomes;
    }

    /** A comment's history for {@code me}; 404 outside the moderator's sections. */
    @Transactional(readOnly = true)
    public CommentHistory history(StaffMember me, String commentId) {
        inScope(me, commentId);
        return comments.history(commentId);
    }

    private void inScope(StaffMember me, String commentId) {
        StaffMember.Scope scope = me.scope(Role.MODERATOR);
        if (scope.newsroom()) {
            return;
        }
        CommentSummary comment = comments.find(commentId).orElseThrow(() -> new NotFoundException("Comment", commentId));
        if (!scope.covers(comment.section())) {
            throw new NotFoundException("Comment", commentId);
        }
    }

    @Transactional
    public Decided decide(String commentId, Decision decision, String reason, String moderator) {
        return decide(lockedForDecision(commentId), decision, reason, moderator);
    }

    /**
     * The comment with its row locked until the transaction ends: a second moderator deciding it
     * waits here and then finds it decided (409), so our moderators never race each other in the engine.
     */
    private CommentSummary lockedForDecision(String commentId) {
        return comments.findForDecision(commentId).orElseThrow(() -> new NotFoundException("Comment", commentId));
    }

    private Decided decide(CommentSummary comment, Decision decision, String reason, String moderator) {
        String commentId = comment.commentId();
        if (comment.queue() == null) {
            throw new ConflictException("Comment " + commentId + " was already decided", comment.status().name());
        }
        workflow.decide(commentId, decision, moderator, reason);
        CommentStatus now = comments.find(commentId).map(CommentSummary::status).orElseThrow();
        return new Decided(commentId, now);
    }

    /** Decides each comment in a transaction of its own and reports every one: one failure stops none. */
    public List<BulkOutcome> decideAll(List<String> commentIds, Decision decision, String reason, String moderator) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(commentIds)) {
            try {
                Decided decided = eachInItsOwnTransaction.execute(tx -> decide(id, decision, reason, moderator));
                outcomes.add(new BulkOutcome(id, "DECIDED", decided.status(), null));
            } catch (NotFoundException e) {
                outcomes.add(new BulkOutcome(id, "NOT_FOUND", null, e.getMessage()));
            } catch (ConflictException e) {
                outcomes.add(new BulkOutcome(id, "CONFLICT", currentStatus(id), e.getMessage()));
            } catch (RuntimeException e) {
                if (!isConcurrency(e)) {
                    throw e;
                }
                outcomes.add(new BulkOutcome(id, "CONFLICT", currentStatus(id), "decided by someone else at the same time"));
            }
        }
        return outcomes;
    }

    @Transactional(readOnly = true)
    public CommentHistory history(String commentId) {
        return comments.history(commentId);
    }

    private CommentStatus currentStatus(String id) {
        return comments.find(id).map(CommentSummary::status).orElse(null);
    }

    private static boolean isConcurrency(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The engine's own lock conflicts are turned into ConflictException in moderation.process.
            if (t instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }

    public record Decided(String commentId, CommentStatus status) {
    }

    /** {@code outcome}: DECIDED, CONFLICT (already decided) or NOT_FOUND; {@code status}: the comment's status now. */
    public record BulkOutcome(String commentId, String outcome, @Nullable CommentStatus status,
            @Nullable String detail) {
    }
}
