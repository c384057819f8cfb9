package dev.copydesk.notifications;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.notifications.CommentSubscribers.Subscriber;

/**
 * Who gets which mail for a committed event. Works on a small pool of its own, so SMTP never
 * slows the request that caused the event; failures are logged, not retried.
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final MailSettings settings;
    private final Postbox postbox;
    private final AccountDirectory directory;
    private final ObjectProvider<CommentSubscribers> commentSubscribers;
    private final CommenterMailPreferences preferences;
    private final ModeratorDigest digest;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread thread = new Thread(r, "copydesk-mail");
                thread.setDaemon(true);
                return thread;
            });

    NotificationMail(MailSettings settings, Postbox postbox, AccountDirectory directory,
            ObjectProvider<CommentSubscribers> commentSubscribers, CommenterMailPreferences preferences,
            ModeratorDigest digest) {
        this.settings = settings;
        this.postbox = postbox;
        this.directory = directory;
        this.commentSubscribers = commentSubscribers;
        this.preferences = preferences;
        this.digest = digest;
    }

    void onCommitted(PublishedEvent event) {
        if (!settings.enabled()) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    handle(event);
                } catch (RuntimeException e) {
                    log.warn("Mail for event {} ({}) failed: {}", event.id(), event.type(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Mail queue full; mail for event {} ({}) dropped", event.id(), event.type());
        }
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
        staff(event.text("authorId")).ifPresent(writer -> postbox.send(Letters.writerDecision(writer.email(),
                writer.displayName(), event, staff(event.text("actor")).map(StaffMember::displayName).orElse(null))));
    }

    private void mailEditors(PublishedEvent event) {
        String authorId = event.text("authorId");
        String authorName = staff(authorId).map(StaffMember::displayName).orElse(null);
        for (StaffMember editor : directory.staffWithRole(Role.EDITOR)) {
            // Four-eyes: an editor never reviews their own article, so they are not asked to.
            if (!editor.id().equals(authorId)) {
                postbox.send(Letters.forEditor(editor.email(), editor.displayName(), event, authorName));
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
                .ifPresent(s -> postbox.send(Letters.commentApproved(s.email(), s.authorName(), event,
                        unsubscribeUrl(s.email()))));
        String parentId = event.text("parentId");
        if (parentId != null) {
            lookup.subscriberOf(parentId)
                    // Replying to oneself is no news.
                    .filter(p -> author.map(a -> !a.email().equalsIgnoreCase(p.email())).orElse(true))
                    .filter(p -> !preferences.hasUnsubscribed(p.email()))
                    .ifPresent(p -> postbox.send(Letters.replyApproved(p.email(), p.authorName(), event,
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

    @PreDestroy
    void close() {
        pool.shutdown();
    }
}
