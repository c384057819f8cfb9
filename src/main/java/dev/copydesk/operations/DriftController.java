package dev.copydesk.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/drift} (ADMIN, by the {@code /api/admin/**} rule): the last drift check, or a new one. */
@Tag(name = "operations")
@RestController
class DriftController {

    private final DriftCheck check;

    DriftController(DriftCheck check) {
        this.check = check;
    }

    /** The last report; the first call after a start checks at once. */
    @Operation(operationId = "getDriftReport", summary = "Get the last drift report",
            description = "ADMIN only. The last comparison of our tables with the engine; the first call after a "
                    + "start checks at once.")
    @GetMapping("/api/admin/drift")
    DriftCheck.DriftReport last() {
        DriftCheck.DriftReport last = check.last();
        return last != null ? last : check.run();
    }

    /** Checks now. */
    @Operation(operationId = "runDriftCheck", summary = "Run the drift check now",
            description = "ADMIN only. Compares articles and comments waiting in our tables with the engine's open "
                    + "process instances.")
    @PostMapping("/api/admin/drift")
    DriftCheck.DriftReport run() {
        return check.run();
    }
}
