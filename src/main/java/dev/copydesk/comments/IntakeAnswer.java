package dev.copydesk.comments;

import java.util.List;

/**
 * The answer to a comment: its id, the status screening gave it, and the reason codes (without the
 * details moderators see, so spammers do not learn which word tripped the filter).
 */
public record IntakeAnswer(String id, CommentStatus status, List<String> reasons) {
}
