package dev.copydesk.moderation;

/**
 * The moderation process as the moderation module uses it; implemented with the workflow engine in
 * {@code process}, so no engine type leaks into decisions, bans or the web layer.
 */
public interface ModerationWorkflow {

    /**
     * Completes the moderator task of a queued comment with a decision; 409 when the task is no
     * longer open (someone decided first).
     */
    void decide(String commentId, Decision decision, String moderator, String reason);
}
