package dev.copydesk.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/drift} (ADMIN, by the {@code /api/admin/**} rule): the last drift check, or a new one. */
@RestController
class DriftController {

    private final DriftCheck check;

    DriftController(DriftCheck check) {
        this.check = check;
    }

    /** The last report; the first call after a start checks at once. */
    @GetMapping("/api/admin/drift")
    DriftCheck.DriftReport last() {
        DriftCheck.DriftReport last = check.last();
        return last != null ? last : check.run();
    }

    /** Checks now. */
    @PostMapping("/api/admin/drift")
    DriftCheck.DriftReport run() {
        return check.run();
    }
}
