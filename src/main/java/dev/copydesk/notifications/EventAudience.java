package dev.copydesk.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;

/** Who listens on a live stream, and what of each event they may see. */
public interface EventAudience {

    /** The event as this audience may see it, or empty when it is not for them. */
    Optional<Map<String, Object>> view(PublishedEvent event);

    /**
     * Staff, by role: ADMIN sees everything; EDITOR article events of their sections; WRITER the
     * article events of their own articles ({@code authorId}); MODERATOR comment events of their
     * sections. The section is the event's {@code section} field; an event journaled before sections
     * existed has none and is the default section's.
     */
    static EventAudience staff(StaffMember member) {
        return event -> {
            String section = event.text("section") == null ? "news" : event.text("section");
            boolean sees = member.has(Role.ADMIN)
                    || (EventTypes.isArticleEvent(event.type()) && member.covers(Role.EDITOR, section))
                    || (EventTypes.isArticleEvent(event.type()) && member.has(Role.WRITER)
                            && member.id().equals(event.text("authorId")))
                    || (EventTypes.isCommentEvent(event.type()) && member.covers(Role.MODERATOR, section));
            return sees ? Optional.of(event.data()) : Optional.empty();
        };
    }

    /**
     * Anyone reading one article: its publication and its approved comments, with the public
     * fields only (never an email, an author id or an editor's note).
     */
    static EventAudience publicArticle(String slug) {
        return event -> {
            if (event.type().equals(EventTypes.ARTICLE_PUBLISHED) && slug.equals(event.text("slug"))) {
                return Optional.of(only(event, List.of("slug", "title", "summary", "publishedAt")));
            }
            if (event.type().equals(EventTypes.COMMENT_APPROVED) && slug.equals(event.text("articleSlug"))) {
                return Optional.of(only(event, List.of("commentId", "parentId", "articleSlug", "authorName", "body",
                        "createdAt")));
            }
            return Optional.empty();
        };
    }

    private static Map<String, Object> only(PublishedEvent event, List<String> fields) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String field : fields) {
            if (event.data().containsKey(field)) {
                shown.put(field, event.data().get(field));
            }
        }
        return shown;
    }
}
