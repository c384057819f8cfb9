package dev.copydesk.articles;

/**
 * What other modules (comments, notifications) may know about an article the public can read.
 *
 * @param premoderation the article's own comment pre-moderation setting
 * @param section       the slug of the article's section (desk)
 */
public record PublishedArticle(String id, String slug, String title, String authorId, boolean commentsOpen,
        CommentPremoderation premoderation, String section) {
}
