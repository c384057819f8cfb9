package dev.copydesk.articles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.Proofs;
import dev.copydesk.articles.Proofs.Proof;
import dev.copydesk.articles.Proofs.Redline;
import dev.copydesk.shared.TextHygiene;

/** The writer's proof (the server's own rendering of a body) and the editor's redline between revisions. */
@Tag(name = "articles")
@RestController
class ProofController {

    private final Proofs proofs;

    ProofController(Proofs proofs) {
        this.proofs = proofs;
    }

    record ProofRequest(@JsonDeserialize(using = TextHygiene.MultiLine.class) @NotNull @Size(max = 100_000) String body) {
    }

    @Operation(operationId = "proofArticleBody", summary = "Proof an article body",
            description = "WRITER or EDITOR. The HTML the public page would show for this Markdown; nothing is stored.")
    @PostMapping("/api/articles/proofs")
    Proof proof(@AuthenticationPrincipal StaffMember me, @Valid @RequestBody ProofRequest request) {
        return proofs.proof(me, request.body());
    }

    @Operation(operationId = "getRedline", summary = "Get a redline between two revisions",
            description = "WRITER (own articles) or EDITOR. Line by line: SAME, REMOVED or ADDED; against the live "
                    + "revision unless `against` names another.")
    @GetMapping("/api/articles/{id}/revisions/{revisionId}/redline")
    Redline redline(@AuthenticationPrincipal StaffMember me, @PathVariable String id, @PathVariable String revisionId,
            @RequestParam(required = false) String against) {
        return proofs.redline(me, id, revisionId, against);
    }
}
