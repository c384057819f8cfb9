package dev.copydesk.moderation;

/** The screening rules; each can be switched off in the moderation settings. REPORTED comes from reader flags. */
public enum ScreeningCode {
    BANNED_AUTHOR,
    BANNED_WORD,
    DUPLICATE,
    SUSPECT_WORD,
    TOO_MANY_LINKS,
    SHOUTING,
    FIRST_COMMENT,
    PREMODERATION,
    EXTERNAL
}
