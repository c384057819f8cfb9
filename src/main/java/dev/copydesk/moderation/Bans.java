package dev.copydesk.moderation;

import org.springframework.lang.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.shared.ForbiddenException;
import dev.copydesk.comments.CommentAuthors;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentDesk.CommentSummary;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;

/**
 * Bans of commenters. A banned author's new comments are rejected by screening (BANNED_AUTHOR);
 * with {@code rejectPending} their comments waiting in the pending queue are rejected at once.
 * A ban with {@code until} is a suspension and ends by itself.
 */
@Service
@Transactional
public class Bans {

    private final BanRepository bans;
    private final CommentDesk comments;
    private final ModerationWorkflow workflow;
    private final Clock clock;

    Bans(BanRepository bans, CommentDesk comments, ModerationWorkflow workflow, Clock clock) {
        this.bans = bans;
        this.comments = comments;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * A ban keeps the author out of every section, so only a newsroom-wide moderator may ban or lift
     * one (403 for a moderator of some sections).
     */
    public BanResult ban(StaffMember me, String authorEmail, String reason, boolean rejectPending, Instant until) {
        requireNewsroomModerator(me);
        return ban(authorEmail, reason, rejectPending, until, me.username());
    }

    public BanView lift(StaffMember me, String banId) {
        requireNewsroomModerator(me);
        return lift(banId, me.username());
    }

    private static void requireNewsroomModerator(StaffMember me) {
        if (!me.scope(Role.MODERATOR).newsroom()) {
            throw new ForbiddenException("A ban reaches every section: only newsroom-wide moderators ban or lift bans");
        }
    }

    public BanResult ban(String authorEmail, String reason, boolean rejectPending, Instant until, String moderator) {
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidRequestException("until", "must be in the future");
        }
        String email = authorEmail.trim();
        Ban ban = bans.save(new Ban(CommentAuthors.keyOf(email), email, reason, until, moderator, now));
        List<String> rejected = new ArrayList<>();
        if (rejectPending) {
            for (CommentSummary pending : comments.queuedOfAuthor(CommentAuthors.keyOf(email))) {
                if (pending.queue() == CommentQueue.PENDING) {
                    workflow.decide(pending.commentId(), Decision.REJECT, moderator,
                            "BANNED_AUTHOR");
                    rejected.add(pending.commentId());
                }
            }
        }
        return new BanResult(ban.view(now), rejected);
    }

    public BanView lift(String banId, String moderator) {
        if (!Ids.isWellFormed(banId)) {
            throw new NotFoundException("Ban", banId);
        }
        Ban ban = bans.findById(banId).filter(b -> b.liftedAt() == null)
                .orElseThrow(() -> new NotFoundException("Ban", banId));
        Instant now = clock.instant();
        ban.lift(moderator, now);
        return ban.view(now);
    }

    /** The author's ban in force now, described for moderators. */
    @Transactional(readOnly = true)
    public Optional<String> activeBan(String authorKey) {
        Instant now = clock.instant();
        return bans.findByAuthorKeyAndLiftedAtIsNull(authorKey).stream()
                .filter(b -> b.activeAt(now)).findFirst().map(Ban::describe);
    }

    /** A ban as moderators see it. */
    public record BanView(String id, String authorEmail, String reason, @Nullable Instant until, String createdBy,
            Instant createdAt, @Nullable Instant liftedAt, boolean active) {
    }

    public record BanResult(BanView ban, List<String> rejectedCommentIds) {
    }
}
