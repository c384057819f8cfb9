package dev.copydesk.comments.web;

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

    @ApiResponse(responseCode = "202", description = "Received and screened: APPROVED, PENDING (held) or REJECTED; with an external moderation endpoint set, PENDING with no reasons, screened moments later", useReturnTypeSchema = true)
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
            @JsonDeserialize(using = TextHygiene.OneLine.class) @NotBlank @Size(max = 80) String authorName,
            @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String authorEmail,
            @JsonDeserialize(using = TextHygiene.MultiLine.class) @NotBlank @Size(max = CommentIntake.MAX_BODY)
            String body,
            @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a comment id") String parentId,
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
