package dev.copydesk.moderation;

/** A moderator's decision on a queued comment. */
public enum Decision {
    APPROVE,
    REJECT
}
