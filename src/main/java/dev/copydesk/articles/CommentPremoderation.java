package dev.copydesk.articles;

/** Per-article comment pre-moderation: follow the site setting, hold every comment, or hold none. */
public enum CommentPremoderation {
    INHERIT,
    ALL,
    NONE
}
