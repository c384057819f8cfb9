package dev.copydesk.comments;

/** A reader's comment as received: {@code notify} asks to be emailed when it is approved or answered. */
public record NewComment(String authorName, String authorEmail, String body, String parentId, boolean wantsNotification) {
}
