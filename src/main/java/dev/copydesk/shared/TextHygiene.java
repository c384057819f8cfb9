package dev.copydesk.shared;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * The one place where text people type is cleaned before it is validated, stored and shown: staff
 * text (titles, summaries, bodies, tags, review notes, display names) and readers' comments.
 *
 * <ul>
 * <li>Control characters (C0, DEL, C1) go; multi-line text keeps line feeds and tabs, and its
 * {@code CR LF} and lone {@code CR} become {@code LF}; in one-line text a line feed, carriage
 * return or tab becomes a space.</li>
 * <li>Bidirectional controls go (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
 * U+200E/U+200F marks, U+061C): they can make a text read differently from what it is.</li>
 * <li>Zero-width characters go (U+200B, U+2060, U+FEFF everywhere; U+200C ZWNJ and U+200D ZWJ in
 * one-line text): they make look-alike names ("Edith Editor\u200b"). Multi-line text keeps ZWNJ and
 * ZWJ, which Persian and Indic scripts and emoji sequences such as 👩‍💻 need.</li>
 * <li>Unpaired surrogates are refused (400 naming the field): they are not text, and cannot be
 * stored or encoded faithfully.</li>
 * </ul>
 *
 * <p>HTTP requests are cleaned while the JSON is read ({@link OneLine}, {@link MultiLine} on the
 * request records), so Bean Validation sees the cleaned value: a name that is only {@code "\u200b"}
 * is blank. The modules clean again with {@link #oneLine(String, String)} and
 * {@link #multiLine(String, String)} for callers that do not come through HTTP; cleaning is idempotent.
 */
public final class TextHygiene {

    private TextHygiene() {
    }

    /** One line (titles, names, tags): every control, bidi and zero-width character goes. */
    public static String oneLine(String field, String text) {
        return clean(field, text, false);
    }

    /** Several lines (summaries, bodies, notes): line feeds and tabs stay, as do ZWNJ and ZWJ. */
    public static String multiLine(String field, String text) {
        return clean(field, text, true);
    }

    /** True when {@code text} has a high surrogate without its low one, or a low one alone. */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String field, String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        if (hasUnpairedSurrogate(text)) {
            throw new InvalidRequestException(field, UNPAIRED);
        }
        return strip(text, multiLine);
    }

    private static final String UNPAIRED = "must not contain unpaired surrogate characters";

    private static String strip(String text, boolean multiLine) {
        String unified = multiLine && text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        if (isClean(unified, multiLine)) {
            return unified;
        }
        StringBuilder out = new StringBuilder(unified.length());
        unified.codePoints().forEach(cp -> {
            if (keeps(cp, multiLine)) {
                out.appendCodePoint(cp);
            } else if (!multiLine && (cp == '\n' || cp == '\r' || cp == '\t')) {
                out.append(' '); // a line break in a one-line text still separates words
            }
        });
        return out.toString();
    }

    private static boolean isClean(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            if (!keeps(text.charAt(i), multiLine)) {
                return false;
            }
        }
        return true;
    }

    private static boolean keeps(int cp, boolean multiLine) {
        if (Character.isISOControl(cp)) {
            return multiLine && (cp == '\n' || cp == '\t');
        }
        if (isBidiControl(cp)) {
            return false;
        }
        if (cp == 0x200C || cp == 0x200D) {
            return multiLine;
        }
        return !(cp == 0x200B || cp == 0x2060 || cp == 0xFEFF);
    }

    /** Bidirectional formatting characters: embeddings, overrides, isolates and marks. */
    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** Reads a JSON string as one line of text ({@link #oneLine}); for {@code @JsonDeserialize(using = ...)}. */
    public static final class OneLine extends Text {
        public OneLine() {
            super(false);
        }
    }

    /** Reads a JSON string as multi-line text ({@link #multiLine}); for {@code @JsonDeserialize(using = ...)}. */
    public static final class MultiLine extends Text {
        public MultiLine() {
            super(true);
        }
    }

    /** A string that was refused while the JSON was read; the web layer names its field. */
    public static final class RefusedText extends InvalidFormatException {
        RefusedText(JsonParser parser) {
            super(parser, UNPAIRED, null, String.class);
        }

        /** What is wrong with the field, for the problem document. */
        public String reason() {
            return UNPAIRED;
        }
    }

    abstract static class Text extends StdScalarDeserializer<String> {
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String raw = StringDeserializer.instance.deserialize(parser, context);
            if (raw == null) {
                return null;
            }
            if (hasUnpairedSurrogate(raw)) {
                throw new RefusedText(parser);
            }
            return strip(raw, multiLine);
        }
    }
}
