package dev.copydesk.comments;

/** Why a reader flags a comment; also the reasons a moderator gives for a decision. */
public enum FlagReason {
    SPAM,
    ABUSE,
    OFF_TOPIC,
    PERSONAL_INFO,
    OTHER
}
