package dev.copydesk.comments;

/**
 * Why screening did what it did: a reason {@code code} (BANNED_WORD, SUSPECT_WORD, TOO_MANY_LINKS,
 * SHOUTING, DUPLICATE, FIRST_COMMENT, PREMODERATION, BANNED_AUTHOR, REPORTED, EXTERNAL) and its
 * detail for moderators (which word, how many links).
 */
public record CommentReason(String code, String detail) {
}
