package dev.copydesk.moderation;

import org.springframework.lang.Nullable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How comments are screened and queued. The contract's fields, plus a switch per rule, the shouting
 * threshold and the optional external moderation endpoint.
 *
 * @param bannedWords        words and phrases that reject a comment; an entry written {@code ?word} is
 *                           ambiguous (also a name or a word of another language) and holds instead
 * @param suspectWords       words and phrases that hold a comment for a moderator
 * @param maxLinks           more links than this hold a comment
 * @param premoderation      hold every comment of the site (an article's ALL/NONE overrides this)
 * @param trustAfterApproved an author is trusted after this many approved comments; before, comments are held
 * @param flagThreshold      this many reader flags send an approved comment to the reported queue
 * @param commentsPerMinute  flood control: at most this many comments a minute per author and per client address
 * @param queueSla           ISO-8601 duration a queued comment may wait before it is overdue
 * @param rules              rule code to on/off; a missing rule is on
 * @param shoutingMinLetters texts with fewer letters are never shouting
 * @param external           the external moderation endpoint, or {@code null}
 */
public record ModerationSettings(List<String> bannedWords, List<String> suspectWords, int maxLinks,
        boolean premoderation, int trustAfterApproved, int flagThreshold, int commentsPerMinute, String queueSla,
        Map<ScreeningCode, Boolean> rules, int shoutingMinLetters, @Nullable External external) {

    public ModerationSettings {
        bannedWords = List.copyOf(bannedWords);
        suspectWords = List.copyOf(suspectWords);
        Map<ScreeningCode, Boolean> all = new EnumMap<>(ScreeningCode.class);
        for (ScreeningCode code : ScreeningCode.values()) {
            all.put(code, rules == null || rules.get(code) == null || rules.get(code));
        }
        rules = Map.copyOf(all);
    }

    /** The external moderation endpoint: a JSON POST answered with {@code {"verdict": "ALLOW"|"HOLD"|"REJECT"}}. */
    public record External(String url, int timeoutMillis) {
    }

    public static ModerationSettings defaults() {
        return new ModerationSettings(
                List.of("fuck", "motherfucker", "cunt", "twat", "wanker", "kill yourself", "asshole", "dickhead",
                        "?dick"),
                List.of("idiot", "moron", "stupid", "shit", "ass", "bitch", "crap", "bastard", "viagra", "casino",
                        "crypto", "work from home", "click here"),
                2, false, 1, 3, 5, "PT2H", null, 15, null);
    }

    public boolean enabled(ScreeningCode rule) {
        return rules.get(rule);
    }

    /** Whether screening asks the external endpoint: one is set and its rule is on. */
    public boolean asksExternalModeration() {
        return external != null && enabled(ScreeningCode.EXTERNAL);
    }

    public Duration queueSlaDuration() {
        try {
            return Duration.parse(queueSla);
        } catch (DateTimeParseException e) {
            return Duration.ofHours(2);
        }
    }
}
