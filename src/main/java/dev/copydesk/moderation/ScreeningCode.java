package dev.copydesk.moderation;

/** The screening rules; each can be switched off in the moderation settings. REPORTED comes from reader flags. */
public enum ScreeningCode {
    BANNED_AUTHOR,
    BANNED_WORD,
    /** An ambiguous entry of the banned list ({@code ?dick}: also a name): held, not rejected. */
    HELD_WORD,
    DUPLICATE,
    SUSPECT_WORD,
    /** The text is disguised (mixed scripts or a mask inside a word, a disguised link, a guessed list word): held. */
    DISGUISED_TEXT,
    TOO_MANY_LINKS,
    SHOUTING,
    FIRST_COMMENT,
    PREMODERATION,
    EXTERNAL
}
