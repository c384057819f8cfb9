package dev.copydesk.articles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleStatus;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews;
import dev.copydesk.articles.ArticleViews.ArticlePage;
import dev.copydesk.articles.ArticleViews.HistoryItem;
import dev.copydesk.articles.ArticleViews.RevisionDetails;
import dev.copydesk.articles.ArticleViews.RevisionSummary;
import dev.copydesk.articles.web.ArticleRequests.CommentSettingsRequest;
import dev.copydesk.articles.web.ArticleRequests.CreateArticleRequest;
import dev.copydesk.articles.web.ArticleRequests.DecisionRequest;
import dev.copydesk.articles.web.ArticleRequests.EditArticleRequest;
import dev.copydesk.articles.web.ArticleRequests.ExpiryRequest;
import dev.copydesk.articles.web.ArticleRequests.MoveRequest;
import dev.copydesk.articles.web.ArticleRequests.UnpublishRequest;

/** Articles for staff (WRITER, EDITOR): writing, review decisions, scheduling, expiry, history. */
@Tag(name = "articles")
@RestController
@RequestMapping("/api/articles")
class ArticleController {

    private final ArticleDesk desk;

    ArticleController(ArticleDesk desk) {
        this.desk = desk;
    }

    @ApiResponse(responseCode = "201", description = "The draft, created (Location names it)", useReturnTypeSchema = true)
    @Operation(operationId = "createArticle", summary = "Create a draft",
            description = "WRITER or EDITOR. The draft belongs to the caller; its slug comes from the title (with "
                    + "`-2`, `-3`… when taken).")
    @PostMapping
    ResponseEntity<ArticleDetails> create(@AuthenticationPrincipal StaffMember me,
            @Valid @RequestBody CreateArticleRequest request) {
        ArticleDetails created = desk.create(me, request.draft(), request.section());
        return ResponseEntity.created(URI.create("/api/articles/" + created.id())).body(created);
    }

    @Operation(operationId = "listArticles", summary = "List articles",
            description = "WRITER or EDITOR. Writers see their own; `mine=true` narrows an editor to theirs.")
    @GetMapping
    ArticlePage list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String section,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return desk.list(me, status, mine, section, page, size);
    }

    /** Words of the articles the caller may see (a writer's own, an editor's sections'), newest first. */
    @Operation(operationId = "searchArticles", summary = "Search articles",
            description = "WRITER (their own articles) or EDITOR (their sections). By words (case and accents "
                    + "ignored), section, status and author, newest first, with highlights and a keyset cursor. One 400 names "
                    + "every wrong parameter.")
    @GetMapping("/search")
    ArticleViews.FoundArticles search(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String q,
            @RequestParam(required = false) String section,
            @Parameter(schema = @Schema(implementation = ArticleStatus.class)) @RequestParam(required = false) String status,
            @RequestParam(required = false) String author, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return desk.search(me, q, section, status, author, cursor, limit);
    }

    @Operation(operationId = "getArticle", summary = "Get an article",
            description = "WRITER (own) or EDITOR. `version` is what an edit or a decision must name.")
    @GetMapping("/{id}")
    ArticleDetails get(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.get(me, id);
    }

    @Operation(operationId = "editArticle", summary = "Edit an article",
            description = "The author (or an editor) replaces title, summary, body and tags; `version` must be the "
                    + "current one.")
    @ApiResponse(responseCode = "200", description = "The article, edited", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article changed since it was read (`currentVersion`), or "
            + "its status does not allow editing (`currentStatus`)")
    @PutMapping("/{id}")
    ArticleDetails edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody EditArticleRequest request) {
        return desk.edit(me, id, request.draft(), request.version());
    }

    @Operation(operationId = "submitArticle", summary = "Submit an article for review",
            description = "The author freezes the current text into a revision and starts the review.")
    @ApiResponse(responseCode = "200", description = "The article, in review", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article is not a draft or sent back (`currentStatus`)")
    @PostMapping("/{id}/submit")
    ArticleDetails submit(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.submit(me, id);
    }

    @Operation(operationId = "withdrawArticle", summary = "Withdraw an article from review",
            description = "The author takes a submitted article back to draft.")
    @ApiResponse(responseCode = "200", description = "The article, back to draft", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article is not in review (`currentStatus`)")
    @PostMapping("/{id}/withdraw")
    ArticleDetails withdraw(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.withdraw(me, id);
    }

    @Operation(operationId = "decideArticle", summary = "Approve, send back or reject a submitted article",
            description = "EDITOR only, never the author (four-eyes). APPROVE publishes now or at `publishAt` (and "
                    + "may set `unpublishAt`); REQUEST_CHANGES and REJECT need a `note`. `version` is the version "
                    + "reviewed.")
    @ApiResponse(responseCode = "200", description = "The article after the decision", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article is not in review, changed since it was read, or "
            + "another editor decided it a moment ago")
    @PostMapping("/{id}/decision")
    ArticleDetails decide(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody DecisionRequest request) {
        return desk.decide(me, id, request.decision(), request.note(), request.publishAt(), request.unpublishAt(),
                request.version());
    }

    @Operation(operationId = "unpublishArticle", summary = "Unpublish an article",
            description = "EDITOR only. Takes a published or scheduled article off the site.")
    @ApiResponse(responseCode = "200", description = "The article, unpublished", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article is not published or scheduled (`currentStatus`)")
    @PostMapping("/{id}/unpublish")
    ArticleDetails unpublish(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody(required = false) UnpublishRequest request) {
        return desk.unpublish(me, id, request == null ? null : request.note());
    }

    @Operation(operationId = "moveArticle", summary = "Move an article to another section",
            description = "EDITOR of both sections (or newsroom-wide). Its open review task and its comments' "
                    + "moderation tasks move with it.")
    @ApiResponse(responseCode = "200", description = "The article in its new section", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article changed since it was read (`currentVersion`)")
    @PutMapping("/{id}/section")
    ArticleDetails move(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody MoveRequest request) {
        return desk.move(me, id, request.section(), request.version());
    }

    @Operation(operationId = "changeArticleExpiry", summary = "Change when an article expires",
            description = "EDITOR only. `unpublishAt: null` clears the expiry.")
    @ApiResponse(responseCode = "200", description = "The article with its new expiry", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The article is not published or scheduled (`currentStatus`)")
    @PutMapping("/{id}/expiry")
    ArticleDetails expiry(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody ExpiryRequest request) {
        return desk.changeExpiry(me, id, request.unpublishAt());
    }

    @Operation(operationId = "changeCommentSettings", summary = "Change an article's comment settings",
            description = "EDITOR only. Open or close comments; premoderation INHERIT, ALL or NONE.")
    @ApiResponse(responseCode = "200", description = "The article with its new comment settings",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Someone else changed the article at the same moment")
    @PutMapping("/{id}/comment-settings")
    ArticleDetails commentSettings(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody CommentSettingsRequest request) {
        return desk.changeCommentSettings(me, id, request.commentsOpen(), request.premoderation());
    }

    @Operation(operationId = "listArticleHistory", summary = "List an article's history",
            description = "WRITER (own) or EDITOR. Every status change and edit, oldest first.")
    @GetMapping("/{id}/history")
    List<HistoryItem> history(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.history(me, id);
    }

    @Operation(operationId = "listRevisions", summary = "List an article's revisions",
            description = "WRITER (own) or EDITOR. Every submitted revision; `live` marks the one the public reads.")
    @GetMapping("/{id}/revisions")
    List<RevisionSummary> revisions(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.revisions(me, id);
    }

    @Operation(operationId = "getRevision", summary = "Get a revision",
            description = "WRITER (own) or EDITOR. The text exactly as it was submitted.")
    @GetMapping("/{id}/revisions/{revisionId}")
    RevisionDetails revision(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @PathVariable String revisionId) {
        return desk.revision(me, id, revisionId);
    }
}
