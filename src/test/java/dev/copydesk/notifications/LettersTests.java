package dev.copydesk.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail templates: the HTML part is escaped by Mustache (names, titles, notes from users), the
 * plain-text part carries the same words unescaped.
 */
class LettersTests {

    private static final String HOSTILE = "Eve <img src=x onerror=alert(1)> & \"friends\"";

    private static PublishedEvent event(String type, Map<String, Object> data) {
        return new PublishedEvent(1, "e-1", type, Instant.parse("2030-01-01T00:00:00Z"), data);
    }

    @Test
    void aHostileDisplayNameIsEscapedInTheHtmlPartAndKeptAsItIsInTheText() {
        Letter letter = Letters.writerDecision("w@example.org", HOSTILE,
                event(EventTypes.ARTICLE_APPROVED, Map.of("title", "Tom & <Jerry>")), HOSTILE);

        assertThat(letter.html()).doesNotContain("<img").doesNotContain("<Jerry>")
                .contains("Hello Eve &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;friends&quot;,")
                .contains("by Eve &lt;img").contains("<strong>Tom &amp; &lt;Jerry&gt;</strong>");
        assertThat(letter.text()).startsWith("Hello " + HOSTILE + ",\n\n")
                .contains("Your article was approved by " + HOSTILE + ": \"Tom & <Jerry>\".")
                .doesNotContain("&lt;").doesNotContain("Note from the editor");
        assertThat(letter.subject()).isEqualTo("[Copydesk] Your article was approved: Tom & <Jerry>");
    }

    @Test
    void anEditorsNoteAppearsOnlyWhenThereIsOne() {
        Letter withNote = Letters.writerDecision("w@example.org", "Wanda",
                event(EventTypes.ARTICLE_CHANGES_REQUESTED, Map.of("title", "T", "note", "Cut <b>this</b>")), "Ed");

        assertThat(withNote.text()).contains("\nNote from the editor:\nCut <b>this</b>\n").endsWith("-- Copydesk\n");
        assertThat(withNote.html()).contains("<blockquote>Cut &lt;b&gt;this&lt;/b&gt;</blockquote>");
    }

    @Test
    void aHostileCommenterNameAndUnsubscribeLinkAreEscapedInTheHtmlPart() {
        Letter letter = Letters.commentApproved("r@example.org", HOSTILE,
                event(EventTypes.COMMENT_APPROVED, Map.of("articleSlug", "a-b")),
                "https://news.example.org/api/public/unsubscribe?token=a&b=\"x\"");

        assertThat(letter.html()).doesNotContain("<img")
                // Mustache escapes = as well; a mail client decodes the attribute back to the URL
                .contains("href=\"https://news.example.org/api/public/unsubscribe?token&#x3D;a&amp;b&#x3D;&quot;x&quot;\"");
        assertThat(letter.text()).contains("Hello " + HOSTILE + ",")
                .contains("Unsubscribe: https://news.example.org/api/public/unsubscribe?token=a&b=\"x\"");
        assertThat(letter.unsubscribeUrl()).endsWith("b=\"x\"");
    }

    @Test
    void theDigestListsEveryItemInBothParts() {
        Letter letter = Letters.moderatorDigest("m@example.org", "Mo", List.of(
                event(EventTypes.COMMENT_HELD, Map.of("commentId", "cm-1", "authorName", "<Ann>")),
                event(EventTypes.COMMENT_HELD, Map.of("commentId", "cm-2"))));

        assertThat(letter.text()).contains("2 comment(s)").contains("- comment cm-1 by <Ann>, waiting since")
                .contains("- comment cm-2, waiting since");
        assertThat(letter.html()).contains("<li>comment cm-1 by &lt;Ann&gt;, waiting since").contains("<li>comment cm-2");
    }
}
