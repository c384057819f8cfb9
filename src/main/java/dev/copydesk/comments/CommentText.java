package dev.copydesk.comments;

import java.util.Locale;

import dev.copydesk.shared.TextHygiene;

/** Cleans what readers send: comments are stored and served as plain text, never as HTML. */
final class CommentText {

    private CommentText() {
    }

    /**
     * Removes control characters (but line feeds and tabs), bidirectional controls and zero-width
     * characters that could disguise a text (ZWNJ and ZWJ stay: scripts and emoji need them), and
     * normalises line ends; see {@link TextHygiene#multiLine}. The client escapes the text when it shows it.
     */
    static String cleanBody(String body) {
        return TextHygiene.multiLine("body", body).strip();
    }

    /**
     * Names are one line: every control, bidi and zero-width character goes, so nobody can post as
     * "Edith Editor" plus an invisible character; see {@link TextHygiene#oneLine}.
     */
    static String cleanName(String name) {
        return TextHygiene.oneLine("authorName", name).strip();
    }

    /** The body as the duplicate rule compares it: case, spacing and punctuation at the ends do not matter. */
    static String duplicateHash(String body) {
        String folded = body.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return CommentAuthors.sha256(folded);
    }
}
