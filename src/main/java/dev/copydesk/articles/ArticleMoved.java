package dev.copydesk.articles;

/**
 * An article was moved to another section, published inside the move's transaction: the comments
 * module moves the article's comments (their section decides which moderators see them) and the
 * moderation process offers their open tasks to the new section's moderators, in the same commit.
 * Not a {@link dev.copydesk.shared.CopydeskEvent}: nothing outside Copydesk is told.
 */
public record ArticleMoved(String articleId, String fromSection, String toSection) {
}
