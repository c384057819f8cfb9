package dev.copydesk.notifications;

import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.notifications.CommentSubscribers.Subscriber;

/**
 * Who gets which mail for a committed event. The mails are stored in the delivery log in the
 * transaction that journals the event and sent by the engine's job executor with retries
 * ({@link MailAttempts}), so SMTP never slows a request and a failed mail is never lost.
 */
@Component
class NotificationMail {

    private final MailSettings settings;
    private final MailQueue queue;
    private final AccountDirectory directory;
    private final ObjectProvider<CommentSubscribers> commentSubscribers;
    private final CommenterMailPreferences preferences;
    private final ModeratorDigest digest;

    NotificationMail(MailSettings settings, MailQueue queue, AccountDirectory directory,
            ObjectProvider<CommentSubscribers> commentSubscribers, CommenterMailPreferences preferences,
            ModeratorDigest digest) {
        this.settings = settings;
        this.queue = queue;
        this.directory = directory;
        this.commentSubscribers = commentSubscribers;
        this.preferences = preferences;
        this.digest = digest;
    }

    /** Queues the event's mails, in the caller's transaction; none when mail is off or they were queued before. */
    void enqueue(PublishedEvent event) {
        if (!settings.enabled() || queue.queuedFor(event.id())) {
            return;
        }
        handle(event);
    }

    void handle(PublishedEvent event) {
        String type = event.type();
        if (EventTypes.WRITER_DECISIONS.contains(type)) {
            mailWriter(event);
        } else if (type.equals(EventTypes.ARTICLE_SUBMITTED) || type.equals(EventTypes.ARTICLE_REVIEW_OVERDUE)) {
            mailEditors(event);
        } else if (type.equals(EventTypes.COMMENT_QUEUE_OVERDUE)) {
            digest.collect(event);
        } else if (type.equals(EventTypes.COMMENT_APPROVED)) {
            mailCommenters(event);
        }
    }

    private void mailWriter(PublishedEvent event) {
        staff(event.text("authorId")).ifPresent(writer -> send(event, Letters.writerDecision(writer.email(),
                writer.displayName(), event, staff(event.text("actor")).map(StaffMember::displayName).orElse(null))));
    }

    private void mailEditors(PublishedEvent event) {
        String authorId = event.text("authorId");
        String authorName = staff(authorId).map(StaffMember::displayName).orElse(null);
        for (StaffMember editor : directory.staffWithRole(Role.EDITOR)) {
            // Four-eyes: an editor never reviews their own article, so they are not asked to.
            if (!editor.id().equals(authorId)) {
                send(event, Letters.forEditor(editor.email(), editor.displayName(), event, authorName));
            }
        }
    }

    private void mailCommenters(PublishedEvent event) {
        CommentSubscribers lookup = commentSubscribers.getIfAvailable();
        if (lookup == null) {
            return;
        }
        Optional<Subscriber> author = Optional.ofNullable(event.text("commentId")).flatMap(lookup::subscriberOf);
        author.filter(s -> !preferences.hasUnsubscribed(s.email()))
                .ifPresent(s -> send(event, Letters.commentApproved(s.email(), s.authorName(), event,
                        unsubscribeUrl(s.email()))));
        String parentId = event.text("parentId");
        if (parentId != null) {
            lookup.subscriberOf(parentId)
                    // Replying to oneself is no news.
                    .filter(p -> author.map(a -> !a.email().equalsIgnoreCase(p.email())).orElse(true))
                    .filter(p -> !preferences.hasUnsubscribed(p.email()))
                    .ifPresent(p -> send(event, Letters.replyApproved(p.email(), p.authorName(), event,
                            unsubscribeUrl(p.email()))));
        }
    }

    private String unsubscribeUrl(String email) {
        return UriComponentsBuilder.fromUri(settings.publicUrl())
                .path("/api/public/unsubscribe")
                .queryParam("token", preferences.tokenFor(email))
                .build().toUriString();
    }

    private Optional<StaffMember> staff(String id) {
        return id == null ? Optional.empty() : directory.findStaff(id).filter(s -> Objects.nonNull(s.email()));
    }

    private void send(PublishedEvent event, Letter letter) {
        queue.queue(event.id(), event.type(), letter);
    }
}
