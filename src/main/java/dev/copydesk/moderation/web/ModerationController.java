package dev.copydesk.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.comments.CommentHistory;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.comments.FlagReason;
import dev.copydesk.comments.KeysetCursor;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.moderation.Bans;
import dev.copydesk.moderation.CommentFinder;
import dev.copydesk.moderation.Decision;
import dev.copydesk.moderation.ModerationDecisions;
import dev.copydesk.moderation.ModerationQueue;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.Problems;
import dev.copydesk.shared.RequestIds;

/** The moderators' desk: the queues, decisions one by one or in bulk, bans, a comment's history. */
@Tag(name = "moderation")
@RestController
@RequestMapping("/api/moderation")
class ModerationController {

    private final ModerationQueue queue;
    private final ModerationDecisions decisions;
    private final Bans bans;
    private final CommentFinder finder;

    ModerationController(ModerationQueue queue, ModerationDecisions decisions, Bans bans, CommentFinder finder) {
        this.finder = finder;
        this.queue = queue;
        this.decisions = decisions;
        this.bans = bans;
    }

    @Operation(operationId = "listModerationQueue", summary = "List the moderation queue",
            description = "MODERATOR only. Held (`pending`) or reported comments, oldest first, a page at a time: "
                    + "follow `nextCursor` until it is null. `total` is the exact number of comments in that queue.")
    @GetMapping("/queue")
    ModerationQueue.QueuePage queue(@RequestParam(defaultValue = "pending") String queue,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String section, @AuthenticationPrincipal StaffMember me) {
        CommentQueue which = switch (queue.toLowerCase(Locale.ROOT)) {
            case "pending" -> CommentQueue.PENDING;
            case "reported" -> CommentQueue.REPORTED;
            default -> throw new InvalidRequestException("queue", "must be pending or reported");
        };
        // the desk picker: one of the moderator's sections; another desk's is an empty queue
        StaffMember.Scope scope = me.scope(Role.MODERATOR);
        if (section != null && !section.isBlank()) {
            scope = scope.covers(section) ? new StaffMember.Scope(false, java.util.Set.of(section)) : StaffMember.Scope.NOWHERE;
        }
        return this.queue.page(which, scope, KeysetCursor.decode(cursor),
                KeysetCursor.limit(limit, ModerationQueue.DEFAULT_LIMIT, ModerationQueue.MAX_LIMIT));
    }

    @Operation(operationId = "decideComment", summary = "Approve or reject a held comment",
            description = "MODERATOR only. Completes the comment's moderation task; a rejection needs a `reason`.")
    @ApiResponse(responseCode = "200", description = "The comment's new status", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The comment was already decided, or another moderator is "
            + "deciding it right now")
    @PostMapping("/comments/{id}/decision")
    ModerationDecisions.Decided decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal StaffMember me) {
        request.check();
        return decisions.decide(me, id, request.decision(), reason(request.reason()));
    }

    @Operation(operationId = "decideComments", summary = "Approve or reject several comments at once",
            description = "MODERATOR only. Each comment is decided on its own; `results` says DECIDED, CONFLICT or "
                    + "NOT_FOUND per comment.")
    @ApiResponse(responseCode = "200", description = "The outcome per comment", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another moderator is deciding one of these comments right now")
    @PostMapping("/decisions")
    BulkResult decideAll(@Valid @RequestBody BulkDecisionRequest request, @AuthenticationPrincipal StaffMember me) {
        new DecisionRequest(request.decision(), request.reason()).check();
        List<ModerationDecisions.BulkOutcome> results = decisions.decideAll(me, request.commentIds(),
                request.decision(), reason(request.reason()));
        long decided = results.stream().filter(r -> r.outcome().equals("DECIDED")).count();
        return new BulkResult(results, decided, results.size() - decided);
    }

    /** Every comment of the moderator's sections, in any state, by words, author, email, article and time. */
    @Operation(operationId = "searchComments", summary = "Search comments",
            description = "MODERATOR only, within their sections. Every comment in any state by words (case and "
                    + "accents ignored), author name, email, article, status and time, newest first, with "
                    + "highlights and a keyset cursor. One 400 names every wrong parameter.")
    @GetMapping("/comments/search")
    CommentFinder.FoundComments search(@AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) String q, @RequestParam(required = false) String author,
            @RequestParam(required = false) String email,
            @Parameter(schema = @Schema(implementation = CommentStatus.class)) @RequestParam(required = false) String status,
            @RequestParam(required = false) String article,
            @Parameter(schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String from,
            @Parameter(schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return finder.find(me, new CommentFinder.Filters(q, author, email, status, article, from, to, cursor, limit));
    }

    @Operation(operationId = "getCommentHistory", summary = "Get a comment's moderation history",
            description = "MODERATOR only. Screening, decisions and reports, oldest first.")
    @GetMapping("/comments/{id}/history")
    CommentHistory history(@PathVariable String id, @AuthenticationPrincipal StaffMember me) {
        return decisions.history(me, id);
    }

    @ApiResponse(responseCode = "201", description = "The ban, created", useReturnTypeSchema = true)
    @Operation(operationId = "banCommenter", summary = "Ban a commenter",
            description = "MODERATOR only. Refuses new comments from the address until `until` (or for good); "
                    + "`rejectPending` also rejects the ones waiting.")
    @PostMapping("/bans")
    ResponseEntity<Bans.BanResult> ban(@Valid @RequestBody BanRequest request, @AuthenticationPrincipal StaffMember me) {
        Bans.BanResult result = bans.ban(me, request.authorEmail(), request.reason(),
                Boolean.TRUE.equals(request.rejectPending()), request.until());
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    @Operation(operationId = "liftBan", summary = "Lift a ban",
            description = "MODERATOR only. The ban stays in the record with `liftedAt`.")
    @DeleteMapping("/bans/{id}")
    Bans.BanView lift(@PathVariable String id, @AuthenticationPrincipal StaffMember me) {
        return bans.lift(me, id);
    }

    /** Two moderators on one comment: the loser waited on a row lock too long. Same answer as a lost race. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lockedBySomeoneElse(PessimisticLockingFailureException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT,
                "Someone else is deciding this comment at the same moment; reload it and try again");
        RequestIds.addTo(problem);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String reason(FlagReason reason) {
        return reason == null ? null : reason.name();
    }

    /** {@code reason} is one of the flag reasons; required to reject. */
    @Schema(name = "CommentDecisionRequest", description = "A moderator's decision on a held comment")
    record DecisionRequest(@NotNull Decision decision, FlagReason reason) {
        void check() {
            if (decision == Decision.REJECT && reason == null) {
                throw new InvalidRequestException("reason", "is required to reject: one of " + List.of(FlagReason.values()));
            }
        }
    }

    record BulkDecisionRequest(@NotEmpty @Size(max = ModerationDecisions.MAX_BULK) List<@NotBlank String> commentIds,
            @NotNull Decision decision, FlagReason reason) {
    }

    /** Per comment: DECIDED, CONFLICT (already decided) or NOT_FOUND. */
    record BulkResult(List<ModerationDecisions.BulkOutcome> results, long decided, long failed) {
    }

    /** {@code until}: the end of a suspension; without it the ban is permanent. */
    record BanRequest(@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String authorEmail,
            @NotBlank @Size(max = 500) String reason, Boolean rejectPending, Instant until) {
    }
}
