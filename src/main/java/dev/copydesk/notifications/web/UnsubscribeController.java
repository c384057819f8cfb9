package dev.copydesk.notifications.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.notifications.CommenterMailPreferences;

/**
 * {@code /api/public/unsubscribe?token=}: the link in every commenter mail, no account needed.
 * GET for a click in a mail client, POST for one-click unsubscribe (RFC 8058); both idempotent.
 */
@RestController
class UnsubscribeController {

    private final CommenterMailPreferences preferences;

    UnsubscribeController(CommenterMailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/public/unsubscribe")
    Map<String, Object> unsubscribe(@RequestParam String token) {
        preferences.unsubscribe(token);
        return Map.of("unsubscribed", true);
    }

    @PostMapping("/api/public/unsubscribe")
    Map<String, Object> unsubscribeOneClick(@RequestParam String token) {
        return unsubscribe(token);
    }
}
