package dev.copydesk.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.notifications.LiveEvents;
import dev.copydesk.notifications.LiveEvents.StreamsExhaustedException;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.Problems;
import dev.copydesk.shared.RequestIds;

/**
 * The live streams (Server-Sent Events): {@code /api/events} for staff, filtered by role, and
 * {@code /api/public/events?article=} for one live article's publication and approved comments
 * (404 for a slug no live article has). {@code Last-Event-ID} resumes after the last event a client
 * saw. Each kind has its own budget and per-client cap ({@link LiveEvents}): 429 for one client too
 * many, 503 when the budget is spent.
 */
@Tag(name = "notifications")
@RestController
class LiveEventController {

    private static final String STREAM = "`text/event-stream`: each event has an `id` (for `Last-Event-ID`), an `event` "
            + "line naming its type and one `data` line of JSON, `{\"id\", \"type\", \"occurredAt\", \"data\": {…}}`; "
            + "comment lines (`: connected`, `: heartbeat`) keep the connection open. ";
    static final String STAFF_EVENTS = STREAM + "Event types, each to the roles it concerns: article.submitted, "
            + "article.changes_requested, article.approved, article.scheduled, article.published, article.unpublished, "
            + "article.rejected, article.review_overdue, comment.approved, comment.rejected, comment.held, "
            + "comment.reported, comment.queue_overdue.";
    static final String PUBLIC_EVENTS = STREAM + "Event types: article.published, comment.approved (the comment as "
            + "the public thread shows it).";
    static final String OPEN_STREAM = "A stream of Server-Sent Events that stays open";
    static final String HELD_EXAMPLE = ": connected\n\nid: 42\nevent: comment.held\ndata: "
            + "{\"type\":\"comment.held\", …}\n\n";
    static final String APPROVED_EXAMPLE = ": connected\n\nid: 43\nevent: comment.approved\ndata: "
            + "{\"type\":\"comment.approved\", …}\n\n";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

    private final LiveEvents live;

    LiveEventController(LiveEvents live) {
        this.live = live;
    }

    @Operation(operationId = "streamStaffEvents", summary = "Stream staff events (Server-Sent Events)",
            description = "Any staff member; each sees the events of their roles. `Last-Event-ID` resumes after the "
                    + "last event seen.")
    @ApiResponse(responseCode = "429", description = "Too many streams open for this account")
    @ApiResponse(responseCode = "503", description = "The server's budget of live streams is spent; `Retry-After` "
            + "says when to try again")
    @ApiResponse(responseCode = "200", description = OPEN_STREAM, content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string", description = STAFF_EVENTS),
            examples = @ExampleObject(name = "comment.held", value = HELD_EXAMPLE)))
    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter staff(@AuthenticationPrincipal StaffMember me,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return live.subscribeStaff(me, parse(lastEventId));
    }

    @Operation(operationId = "streamArticleEvents", summary = "Stream one article's public events (Server-Sent Events)",
            description = "Publication and approved comments of one live article (404 for a slug no live article "
                    + "has). `Last-Event-ID` resumes after the last event seen.")
    @ApiResponse(responseCode = "429", description = "Too many streams open from this address")
    @ApiResponse(responseCode = "503", description = "The server's budget of live streams is spent; `Retry-After` "
            + "says when to try again")
    @ApiResponse(responseCode = "200", description = OPEN_STREAM, content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    description = PUBLIC_EVENTS),
            examples = @ExampleObject(name = "comment.approved", value = APPROVED_EXAMPLE)))
    @GetMapping(path = "/api/public/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter article(@RequestParam("article") String slug,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request) {
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidRequestException("article", "must be an article slug");
        }
        return live.subscribePublic(slug, request.getRemoteAddr(), parse(lastEventId));
    }

    @ExceptionHandler(StreamsExhaustedException.class)
    ResponseEntity<ProblemDetail> exhausted(StreamsExhaustedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        RequestIds.addTo(problem);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Last-Event-ID", "must be the id of an event from this stream");
        }
    }
}
