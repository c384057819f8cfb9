package dev.copydesk.articles;

import java.util.Optional;

/** Looks up articles that are live for the public; anything not published is simply absent. */
public interface PublishedArticles {

    Optional<PublishedArticle> findBySlug(String slug);

    Optional<PublishedArticle> findById(String id);
}
