package dev.copydesk.articles;

import java.time.Instant;
import java.util.List;

/** A row of the public read model: the live copy of a published article. */
record LiveArticle(String id, String slug, String title, String summary, List<String> tags, String bodyHtml,
        String authorId, Instant publishedAt, boolean commentsOpen, CommentPremoderation premoderation, String section) {

    PublishedArticle toPublishedArticle() {
        return new PublishedArticle(id, slug, title, authorId, commentsOpen, premoderation, section);
    }
}
