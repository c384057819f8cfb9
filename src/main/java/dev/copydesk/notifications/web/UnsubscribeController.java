package dev.copydesk.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.notifications.CommenterMailPreferences;

/**
 * {@code /api/public/unsubscribe?token=}: the link in every commenter mail, no account needed.
 * GET for a click in a mail client, POST for one-click unsubscribe (RFC 8058); both idempotent.
 */
@Tag(name = "notifications")
@RestController
class UnsubscribeController {

    private final CommenterMailPreferences preferences;

    UnsubscribeController(CommenterMailPreferences preferences) {
        this.preferences = preferences;
    }

    @Operation(operationId = "unsubscribe", summary = "Unsubscribe a commenter from mail",
            description = "The link in every commenter mail; no account needed. Idempotent.")
    @GetMapping("/api/public/unsubscribe")
    Unsubscribed unsubscribe(@RequestParam String token) {
        preferences.unsubscribe(token);
        return new Unsubscribed(true);
    }

    @Operation(operationId = "unsubscribeOneClick", summary = "Unsubscribe with one click (RFC 8058)",
            description = "What mail clients call for `List-Unsubscribe-Post`; same effect as the link. Idempotent.")
    @PostMapping("/api/public/unsubscribe")
    Unsubscribed unsubscribeOneClick(@RequestParam String token) {
        return unsubscribe(token);
    }

    /** Always {@code true}: the address gets no more commenter mail (a second call changes nothing). */
    record Unsubscribed(boolean unsubscribed) {
    }
}
