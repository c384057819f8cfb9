package dev.copydesk.notifications;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.core.io.ClassPathResource;

/**
 * The words of every mail, in plain text and HTML, from the Mustache templates in
 * {@code src/main/resources/mail/} ({@code NAME.txt.mustache} and {@code NAME.html.mustache}).
 * The HTML templates are compiled with Mustache's HTML escaping, so everything that comes from users
 * (titles, notes, names, comment text) is escaped by the template engine, never by hand; the text
 * templates are not escaped.
 */
final class Letters {

    private static final Mustache.Compiler HTML = Mustache.compiler().defaultValue("").escapeHTML(true);
    private static final Mustache.Compiler TEXT = Mustache.compiler().defaultValue("").escapeHTML(false);

    private static final Pair WRITER_DECISION = Pair.of("writer-decision");
    private static final Pair FOR_EDITOR = Pair.of("for-editor");
    private static final Pair MODERATOR_DIGEST = Pair.of("moderator-digest");
    private static final Pair COMMENTER = Pair.of("commenter");

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
        String note = event.text("note");
        Map<String, Object> model = new HashMap<>();
        model.put("writerName", writerName);
        model.put("what", what);
        model.put("by", actorName == null ? "" : " by " + actorName);
        model.put("title", title);
        model.put("hasNote", note != null && !note.isBlank());
        model.put("note", note);
        return WRITER_DECISION.letter(to, "[Copydesk] " + what + ": " + title, model, null);
    }

    static Letter forEditor(String to, String editorName, PublishedEvent event, String authorName) {
        String title = orDash(event.text("title"));
        boolean overdue = event.type().equals(EventTypes.ARTICLE_REVIEW_OVERDUE);
        String what = overdue ? "A review is overdue" : "An article is waiting for review";
        Map<String, Object> model = new HashMap<>();
        model.put("editorName", editorName);
        model.put("what", what);
        model.put("title", title);
        model.put("by", authorName == null ? "" : " by " + authorName);
        return FOR_EDITOR.letter(to, "[Copydesk] " + what + ": " + title, model, null);
    }

    static Letter moderatorDigest(String to, String moderatorName, List<PublishedEvent> items) {
        Map<String, Object> model = new HashMap<>();
        model.put("moderatorName", moderatorName);
        model.put("count", items.size());
        model.put("items", items.stream().map(Letters::describeQueueItem).toList());
        return MODERATOR_DIGEST.letter(to, "[Copydesk] " + items.size() + " overdue comment(s) in the moderation queue",
                model, null);
    }

    static Letter commentApproved(String to, String authorName, PublishedEvent event, String unsubscribeUrl) {
        String article = orDash(firstOf(event.text("articleTitle"), event.text("articleSlug")));
        String what = "Your comment on \"" + article + "\" is published";
        return commenterLetter(to, authorName, what, unsubscribeUrl);
    }

    static Letter replyApproved(String to, String authorName, PublishedEvent event, String unsubscribeUrl) {
        String article = orDash(firstOf(event.text("articleTitle"), event.text("articleSlug")));
        String replier = event.text("authorName") == null ? "Someone" : event.text("authorName");
        String what = replier + " replied to your comment on \"" + article + "\"";
        return commenterLetter(to, authorName, what, unsubscribeUrl);
    }

    private static Letter commenterLetter(String to, String name, String what, String unsubscribeUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("greeting", name == null || name.isBlank() ? "Hello" : "Hello " + name);
        model.put("what", what);
        model.put("unsubscribeUrl", unsubscribeUrl);
        return COMMENTER.letter(to, "[Copydesk] " + what, model, unsubscribeUrl);
    }

    private static String describeQueueItem(PublishedEvent item) {
        String article = firstOf(item.text("articleTitle"), item.text("articleSlug"));
        String author = item.text("authorName");
        String since = firstOf(item.text("createdAt"), item.occurredAt().toString());
        return "comment " + orDash(item.text("commentId")) + (author == null ? "" : " by " + author)
                + (article == null ? "" : " on \"" + article + "\"") + ", waiting since " + since;
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    /** The plain-text and HTML templates of one kind of mail, compiled once. */
    private record Pair(Template text, Template html) {

        static Pair of(String name) {
            return new Pair(compile(TEXT, "mail/" + name + ".txt.mustache"),
                    compile(HTML, "mail/" + name + ".html.mustache"));
        }

        Letter letter(String to, String subject, Map<String, Object> model, String unsubscribeUrl) {
            return new Letter(to, subject, text.execute(model), html.execute(model), unsubscribeUrl);
        }

        private static Template compile(Mustache.Compiler compiler, String path) {
            try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
                    StandardCharsets.UTF_8)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Mail template " + path + " cannot be read", e);
            }
        }
    }
}
