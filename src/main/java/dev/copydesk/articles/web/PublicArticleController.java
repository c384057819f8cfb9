package dev.copydesk.articles.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.articles.ArticleViews.PublicArticlePage;
import dev.copydesk.articles.ArticleViews.PublicArticleView;
import dev.copydesk.articles.PublicArticles;

/** Public reading: published articles only, no login. */
@RestController
@RequestMapping("/api/public/articles")
class PublicArticleController {

    private final PublicArticles articles;

    PublicArticleController(PublicArticles articles) {
        this.articles = articles;
    }

    @GetMapping
    PublicArticlePage list(@RequestParam(required = false) String tag, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + PublicArticles.DEFAULT_LIMIT) int limit) {
        return articles.list(tag, cursor, limit);
    }

    @GetMapping("/{slug}")
    PublicArticleView read(@PathVariable String slug) {
        return articles.read(slug);
    }
}
