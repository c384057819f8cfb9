package dev.copydesk.notifications;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The words of every mail, in plain text and HTML. Everything that comes from users (titles,
 * notes, names, comment text) is HTML-escaped in the HTML part.
 */
final class Letters {

    private Letters() {
    }

    static Letter writerDecision(String to, String writerName, PublishedEvent event, String actorName) {
        String title = orDash(event.text("title"));
        String what = switch (event.type()) {
            case EventTypes.ARTICLE_CHANGES_REQUESTED -> "Changes were requested on your article";
            case EventTypes.ARTICLE_APPROVED -> "Your article was approved";
            case EventTypes.ARTICLE_SCHEDULED -> "Your article was scheduled"
                    + (event.text("publishAt") != null ? " for " + event.text("publishAt") : "");
            case EventTypes.ARTICLE_PUBLISHED -> "Your article is published";
            case EventTypes.ARTICLE_REJECTED -> "Your article was rejected";
            case EventTypes.ARTICLE_UNPUBLISHED -> "Your article was taken down";
            default -> "There is news about your article";
        };
        String by = actorName == null ? "" : " by " + actorName;
        String note = event.text("note");
        String text = "Hello " + writerName + ",\n\n" + what + by + ": \"" + title + "\".\n"
                + (note == null || note.isBlank() ? "" : "\nNote from the editor:\n" + note + "\n")
                + "\n-- Copydesk\n";
        String html = "<p>Hello " + esc(writerName) + ",</p><p>" + esc(what + by) + ": <strong>" + esc(title)
                + "</strong>.</p>"
                + (note == null || note.isBlank() ? "" : "<p>Note from the editor:</p><blockquote>" + esc(note)
                        + "</blockquote>")
                + "<p>-- Copydesk</p>";
        return new Letter(to, "[Copydesk] " + what + ": " + title, text, html(html), null);
    }

    static Letter forEditor(String to, String editorName, PublishedEvent event, String authorName) {
        String title = orDash(event.text("title"));
        boolean overdue = event.type().equals(EventTypes.ARTICLE_REVIEW_OVERDUE);
        String what = overdue ? "A review is overdue" : "An article is waiting for review";
        String by = authorName == null ? "" : " by " + authorName;
        String text = "Hello " + editorName + ",\n\n" + what + ": \"" + title + "\"" + by + ".\n"
                + "Open the review queue to decide it.\n\n-- Copydesk\n";
        String html = "<p>Hello " + esc(editorName) + ",</p><p>" + esc(what) + ": <strong>" + esc(title)
                + "</strong>" + esc(by) + ".</p><p>Open the review queue to decide it.</p><p>-- Copydesk</p>";
        return new Letter(to, "[Copydesk] " + what + ": " + title, text, html(html), null);
    }

    static Letter moderatorDigest(String to, String moderatorName, List<PublishedEvent> items) {
        StringBuilder text = new StringBuilder("Hello " + moderatorName + ",\n\n" + items.size()
                + " comment(s) have waited in the moderation queue past the SLA:\n\n");
        StringBuilder html = new StringBuilder("<p>Hello " + esc(moderatorName) + ",</p><p>" + items.size()
                + " comment(s) have waited in the moderation queue past the SLA:</p><ul>");
        for (PublishedEvent item : items) {
            String line = describeQueueItem(item);
            text.append("- ").append(line).append('\n');
            html.append("<li>").append(esc(line)).append("</li>");
        }
        text.append("\nOpen the moderation queue to decide them.\n\n-- Copydesk\n");
        html.append("</ul><p>Open the moderation queue to decide them.</p><p>-- Copydesk</p>");
        return new Letter(to, "[Copydesk] " + items.size() + " overdue comment(s) in the moderation queue",
                text.toString(), html(html.toString()), null);
    }

    static Letter commentApproved(String to, String authorName, PublishedEvent event, String unsubscribeUrl) {
        String article = orDash(firstOf(event.text("articleTitle"), event.text("articleSlug")));
        String what = "Your comment on \"" + article + "\" is published";
        return commenterLetter(to, authorName, what, event, unsubscribeUrl);
    }

    static Letter replyApproved(String to, String authorName, PublishedEvent event, String unsubscribeUrl) {
        String article = orDash(firstOf(event.text("articleTitle"), event.text("articleSlug")));
        String replier = event.text("authorName") == null ? "Someone" : event.text("authorName");
        String what = replier + " replied to your comment on \"" + article + "\"";
        return commenterLetter(to, authorName, what, event, unsubscribeUrl);
    }

    private static Letter commenterLetter(String to, String name, String what, PublishedEvent event,
            String unsubscribeUrl) {
        String greeting = name == null || name.isBlank() ? "Hello" : "Hello " + name;
        String text = greeting + ",\n\n" + what + ".\n\n"
                + "You get this mail because you asked to be notified when you commented.\n"
                + "Unsubscribe: " + unsubscribeUrl + "\n\n-- Copydesk\n";
        String html = "<p>" + esc(greeting) + ",</p><p>" + esc(what) + ".</p>"
                + "<p>You get this mail because you asked to be notified when you commented. "
                + "<a href=\"" + esc(unsubscribeUrl) + "\">Unsubscribe</a></p><p>-- Copydesk</p>";
        return new Letter(to, "[Copydesk] " + what, text, html(html), unsubscribeUrl);
    }

    private static String describeQueueItem(PublishedEvent item) {
        String article = firstOf(item.text("articleTitle"), item.text("articleSlug"));
        String author = item.text("authorName");
        String since = firstOf(item.text("createdAt"), item.occurredAt().toString());
        return "comment " + orDash(item.text("commentId")) + (author == null ? "" : " by " + author)
                + (article == null ? "" : " on \"" + article + "\"") + ", waiting since " + since;
    }

    private static String html(String body) {
        return "<!DOCTYPE html><html><body>" + body + "</body></html>";
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }
}
