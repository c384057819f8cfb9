package dev.copydesk.comments.web;

import org.springframework.lang.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.comments.CommentFlags;
import dev.copydesk.comments.CommentIntake;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.comments.CommentThread;
import dev.copydesk.comments.FlagReason;
import dev.copydesk.comments.IntakeAnswer;
import dev.copydesk.comments.KeysetCursor;
import dev.copydesk.comments.NewComment;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.PublicReadCache;
import dev.copydesk.shared.TextHygiene;
import dev.copydesk.shared.web.PublicJson;

/**
 * Readers' side of comments. The client address is {@code request.getRemoteAddr()} (set from
 * forwarded headers only when {@code server.forward-headers-strategy} says so) and is kept only as
 * a keyed hash. Bodies are served as plain text: clients must escape them.
 */
@Tag(name = "comments")
@RestController
class PublicCommentController {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final CommentIntake intake;
    private final CommentThread thread;
    private final CommentFlags flags;

    private final PublicJson json;
    private final PublicReadCache<PublicJson.Body> threadPages;

    PublicCommentController(CommentIntake intake, CommentThread thread, CommentFlags flags, PublicJson json) {
        this.json = json;
        this.threadPages = json.cache();
        this.intake = intake;
        this.thread = thread;
        this.flags = flags;
    }

    @ApiResponse(responseCode = "202", description = "Received and screened: APPROVED, PENDING (held for a moderator) "
            + "or REJECTED; with an external moderation endpoint set, PENDING with no reasons, screened moments later",
            useReturnTypeSchema = true)
    @Operation(operationId = "postComment", summary = "Post a comment or a reply",
            description = "No account needed. The comment is screened at once: APPROVED (visible), PENDING (held for "
                    + "a moderator) or REJECTED; with an external moderation endpoint set it answers PENDING with no "
                    + "reasons and is screened moments later. `parentId` makes it a reply. The same `Idempotency-Key` replays "
                    + "the first answer.")
    @ApiResponse(responseCode = "409", description = "Comments on this article are closed, or the Idempotency-Key was "
            + "used for a different comment")
    @ApiResponse(responseCode = "429", description = "Flood control: too many comments a minute from this author or "
            + "address; `Retry-After` says when to try again")
    @PostMapping("/api/public/articles/{slug}/comments")
    ResponseEntity<IntakeView> post(@PathVariable String slug, @Valid @RequestBody NewCommentRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
        }
        NewComment comment = new NewComment(body.authorName(), body.authorEmail(), body.body(), body.parentId(),
                Boolean.TRUE.equals(body.notifyWanted()));
        IntakeAnswer answer;
        try {
            answer = intake.submit(slug, comment, request.getRemoteAddr(), idempotencyKey);
        } catch (DataIntegrityViolationException e) {
            // A concurrent request with the same Idempotency-Key stored its answer first: serve that one.
            if (idempotencyKey == null) {
                throw e;
            }
            answer = intake.replay(slug, idempotencyKey).orElseThrow(() -> e);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new IntakeView(answer.id(), answer.status(), answer.reasons()));
    }

    /** Pages of the thread are served from a cache of finished JSON, evicted when a comment appears or goes. */
    @Operation(operationId = "readCommentThread", summary = "Read an article's comment thread",
            description = "Approved comments, oldest first, a page at a time: follow `nextCursor` until it is null. "
                    + "Answers carry an ETag.")
    @GetMapping("/api/public/articles/{slug}/comments")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CommentThread.Page.class)))
    ResponseEntity<byte[]> thread(@PathVariable String slug, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        KeysetCursor after = KeysetCursor.decode(cursor);
        int size = KeysetCursor.limit(limit, CommentThread.DEFAULT_LIMIT, CommentThread.MAX_LIMIT);
        String variant = (after == null ? "" : after.encode()) + "|" + size;
        return json.respond(threadPages, slug, variant, ifNoneMatch, () -> thread.page(slug, after, size));
    }

    @ApiResponse(responseCode = "202", description = "The flag, received", useReturnTypeSchema = true)
    @Operation(operationId = "flagComment", summary = "Flag a comment",
            description = "No account needed. One flag per address counts; enough flags send the comment to the "
                    + "reported queue.")
    @PostMapping("/api/public/comments/{id}/flags")
    ResponseEntity<FlagView> flag(@PathVariable String id, @Valid @RequestBody FlagRequest body,
            HttpServletRequest request) {
        flags.flag(id, body.reason(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new FlagView(id, "RECEIVED"));
    }

    /**
     * A reader's comment. {@code notify}: email me when it is approved or answered. The name and the
     * body are cleaned as they are read ({@link TextHygiene}), so a name of invisible characters is blank.
     */
    record NewCommentRequest(
            @JsonDeserialize(using = TextHygiene.OneLine.class) @NotBlank @Size(max = 80) @Schema(example = "Priya")
            String authorName,
            @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
            @Schema(example = "priya@example.org") String authorEmail,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @NotBlank @Size(max = CommentIntake.MAX_BODY)
            @Schema(example = "It does, they earned it.") String body,
            @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a comment id") @Nullable
            @Schema(example = "3f1c2a9e-7b4d-4e21-9a0c-5d6e7f809a1b") String parentId,
            @JsonProperty("notify") Boolean notifyWanted) {
    }

    /** {@code reasons}: the codes of the screening rules that applied (details are for moderators). */
    record IntakeView(String id, CommentStatus status, List<String> reasons) {
    }

    record FlagRequest(@NotNull FlagReason reason) {
    }

    record FlagView(String commentId, String status) {
    }
}
