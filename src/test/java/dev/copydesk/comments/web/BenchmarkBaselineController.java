package dev.copydesk.comments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.comments.BenchmarkBaseline;
import dev.copydesk.comments.IntakeAnswer;
import dev.copydesk.comments.NewComment;
import dev.copydesk.comments.web.PublicCommentController.IntakeView;
import dev.copydesk.comments.web.PublicCommentController.NewCommentRequest;

/**
 * {@code POST /api/bench/baseline/articles/{slug}/comments}: the same request record and validation as
 * {@code POST /api/public/articles/{slug}/comments}, then {@link BenchmarkBaseline}. Test scope, and
 * only under the {@code bench} profile that the benchmark's service runs with (docs/benchmarks.md).
 */
@RestController
@Profile("bench")
class BenchmarkBaselineController {

    private final BenchmarkBaseline baseline;

    BenchmarkBaselineController(BenchmarkBaseline baseline) {
        this.baseline = baseline;
    }

    @PostMapping("/api/bench/baseline/articles/{slug}/comments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IntakeView baseline(@PathVariable String slug, @Valid @RequestBody NewCommentRequest body, HttpServletRequest request) {
        IntakeAnswer answer = baseline.store(slug, new NewComment(body.authorName(), body.authorEmail(), body.body(),
                null, Boolean.TRUE.equals(body.notifyWanted())), request.getRemoteAddr());
        return new IntakeView(answer.id(), answer.status(), answer.reasons());
    }
}
