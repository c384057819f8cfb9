package dev.copydesk.articles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.articles.ArticleViews.PublicArticlePage;
import dev.copydesk.articles.ArticleViews.PublicArticleView;
import dev.copydesk.articles.PublicArticles;
import dev.copydesk.shared.PublicReadCache;
import dev.copydesk.shared.web.PublicJson;

/** Public reading: published articles only, no login. One article is served from a cache of finished JSON. */
@Tag(name = "public")
@RestController
@RequestMapping("/api/public/articles")
class PublicArticleController {

    private final PublicArticles articles;
    private final PublicJson json;
    private final PublicReadCache<PublicJson.Body> views;

    PublicArticleController(PublicArticles articles, PublicJson json) {
        this.articles = articles;
        this.json = json;
        this.views = json.cache();
    }

    @Operation(operationId = "listPublishedArticles", summary = "List published articles",
            description = "Newest first, optionally by tag; follow `nextCursor` until it is null.")
    @GetMapping
    PublicArticlePage list(@RequestParam(required = false) String tag, @RequestParam(required = false) String section,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + PublicArticles.DEFAULT_LIMIT) int limit) {
        return articles.list(tag, section, cursor, limit);
    }

    @Operation(operationId = "readPublishedArticle", summary = "Read a published article",
            description = "The live revision as HTML. Answers carry an ETag; `If-None-Match` gets 304.")
    @GetMapping("/{slug}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PublicArticleView.class)))
    ResponseEntity<byte[]> read(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return json.respond(views, slug, "", ifNoneMatch, () -> articles.read(slug));
    }
}
