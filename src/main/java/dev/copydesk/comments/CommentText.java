package dev.copydesk.comments;

import java.util.Locale;

/** Cleans what readers send: comments are stored and served as plain text, never as HTML. */
final class CommentText {

    private CommentText() {
    }

    /**
     * Removes control characters (but line feeds and tabs) and bidirectional overrides that could
     * disguise a text, and normalises line ends. The client escapes the text when it shows it.
     */
    static String cleanBody(String body) {
        String unified = body.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        unified.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !(Character.isISOControl(cp) || isBidiControl(cp))) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /** Names are one line: every control character goes. */
    static String cleanName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (!(Character.isISOControl(cp) || isBidiControl(cp))) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /** The body as the duplicate rule compares it: case, spacing and punctuation at the ends do not matter. */
    static String duplicateHash(String body) {
        String folded = body.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return CommentAuthors.sha256(folded);
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }
}
