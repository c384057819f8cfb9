package dev.copydesk.comments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The author key: a SHA-256 of the normalised (trimmed, lower-cased) email. Per-author rules (trust,
 * duplicates, bans, flood control) compare keys, so they need no email in their indexes.
 */
public final class CommentAuthors {

    private CommentAuthors() {
    }

    public static String keyOf(String email) {
        return sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
