package dev.copydesk.articles.web;

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
@RestController
@RequestMapping("/api/articles")
class ArticleController {

    private final ArticleDesk desk;

    ArticleController(ArticleDesk desk) {
        this.desk = desk;
    }

    @ApiResponse(responseCode = "201", description = "The draft, created (Location names it)", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<ArticleDetails> create(@AuthenticationPrincipal StaffMember me,
            @Valid @RequestBody CreateArticleRequest request) {
        ArticleDetails created = desk.create(me, request.draft(), request.section());
        return ResponseEntity.created(URI.create("/api/articles/" + created.id())).body(created);
    }

    @GetMapping
    ArticlePage list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String section,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return desk.list(me, status, mine, section, page, size);
    }

    /** Words of the articles the caller may see (a writer's own, an editor's sections'), newest first. */
    @GetMapping("/search")
    ArticleViews.FoundArticles search(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String q,
            @RequestParam(required = false) String section, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(required = false) String author, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return desk.search(me, q, section, status, author, cursor, limit);
    }

    @GetMapping("/{id}")
    ArticleDetails get(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.get(me, id);
    }

    @PutMapping("/{id}")
    ArticleDetails edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody EditArticleRequest request) {
        return desk.edit(me, id, request.draft(), request.version());
    }

    @PostMapping("/{id}/submit")
    ArticleDetails submit(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.submit(me, id);
    }

    @PostMapping("/{id}/withdraw")
    ArticleDetails withdraw(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.withdraw(me, id);
    }

    @PostMapping("/{id}/decision")
    ArticleDetails decide(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody DecisionRequest request) {
        return desk.decide(me, id, request.decision(), request.note(), request.publishAt(), request.unpublishAt(),
                request.version());
    }

    @PostMapping("/{id}/unpublish")
    ArticleDetails unpublish(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody(required = false) UnpublishRequest request) {
        return desk.unpublish(me, id, request == null ? null : request.note());
    }

    @PutMapping("/{id}/section")
    ArticleDetails move(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody MoveRequest request) {
        return desk.move(me, id, request.section(), request.version());
    }

    @PutMapping("/{id}/expiry")
    ArticleDetails expiry(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody ExpiryRequest request) {
        return desk.changeExpiry(me, id, request.unpublishAt());
    }

    @PutMapping("/{id}/comment-settings")
    ArticleDetails commentSettings(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @Valid @RequestBody CommentSettingsRequest request) {
        return desk.changeCommentSettings(me, id, request.commentsOpen(), request.premoderation());
    }

    @GetMapping("/{id}/history")
    List<HistoryItem> history(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.history(me, id);
    }

    @GetMapping("/{id}/revisions")
    List<RevisionSummary> revisions(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        return desk.revisions(me, id);
    }

    @GetMapping("/{id}/revisions/{revisionId}")
    RevisionDetails revision(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
            @PathVariable String revisionId) {
        return desk.revision(me, id, revisionId);
    }
}
