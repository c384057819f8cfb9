package dev.copydesk.comments;

import dev.copydesk.articles.CommentPremoderation;

/**
 * What the comments module needs from moderation, implemented there: screening a fresh comment
 * through the moderation process, sending a reported comment to the reported queue, and the limits
 * intake and flags apply. Declared here so the comments module does not depend on moderation.
 */
public interface ModerationGate {

    /**
     * Runs the moderation process for a stored comment in the caller's transaction; when it returns
     * the comment is approved, rejected or held.
     */
    void screen(String commentId, CommentPremoderation articlePremoderation);

    /** Starts the reported path of the process for an approved comment whose flags reached the threshold. */
    void report(String commentId);

    /** At most this many comments per minute from one author or one client address. */
    int commentsPerMinute();

    /** This many reader flags send an approved comment to the reported queue. */
    int flagThreshold();
}
