package dev.copydesk.comments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import dev.copydesk.shared.InvalidRequestException;

/**
 * An opaque paging cursor: the (time, id) of the last item served. Pages are read with a keyset
 * condition on an index, so page 10,000 costs what page 1 costs.
 */
public record KeysetCursor(Instant at, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code text}, {@code null} for none; junk is a 400 on the field {@code cursor}. */
    public static KeysetCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0 || plain.length() - bar - 1 > 64) {
                throw new IllegalArgumentException();
            }
            return new KeysetCursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
        }
    }

    /** Limits a page size to 1..max, {@code null} meaning the default. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw new InvalidRequestException("limit", "must be between 1 and " + max);
        }
        return requested;
    }
}
