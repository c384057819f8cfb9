package dev.copydesk.notifications.web;

import java.util.regex.Pattern;

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
@RestController
class LiveEventController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

    private final LiveEvents live;

    LiveEventController(LiveEvents live) {
        this.live = live;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter staff(@AuthenticationPrincipal StaffMember me,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return live.subscribeStaff(me, parse(lastEventId));
    }

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
