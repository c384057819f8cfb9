package dev.copydesk.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.notifications.Webhooks;
import dev.copydesk.notifications.Webhooks.DeliveryDetails;
import dev.copydesk.notifications.Webhooks.NewWebhook;
import dev.copydesk.notifications.Webhooks.WebhookDetails;

/** {@code /api/admin/webhooks}: ADMIN only (URL rule). The secret goes in and never comes out. */
@Tag(name = "notifications")
@RestController
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @ApiResponse(responseCode = "201", description = "The webhook, registered (Location names it)", useReturnTypeSchema = true)
    @Operation(operationId = "registerWebhook", summary = "Register a webhook",
            description = "ADMIN only. Events of the named types are POSTed to `url`, signed with `secret` "
                    + "(HMAC-SHA256); private and loopback addresses are refused unless configured. "
                    + "`sections` limits it to the events about articles and comments of those sections "
                    + "(empty or absent: the whole newsroom).")
    @PostMapping("/api/admin/webhooks")
    ResponseEntity<WebhookDetails> register(@Valid @RequestBody RegisterWebhookRequest request) {
        WebhookDetails created = webhooks.register(new NewWebhook(request.url().trim(), request.secret(),
                request.events(), request.sections()));
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + created.id())).body(created);
    }

    @Operation(operationId = "listWebhooks", summary = "List webhooks",
            description = "ADMIN only. Never their secrets.")
    @GetMapping("/api/admin/webhooks")
    List<WebhookDetails> all() {
        return webhooks.all();
    }

    @ApiResponse(responseCode = "204", description = "Removed; no body")
    @Operation(operationId = "removeWebhook", summary = "Remove a webhook",
            description = "ADMIN only. Deliveries already queued are dropped.")
    @DeleteMapping("/api/admin/webhooks/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        webhooks.remove(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "ADMIN only. The most recent deliveries with their attempts and last error.")
    @GetMapping("/api/admin/webhooks/{id}/deliveries")
    List<DeliveryDetails> deliveries(@PathVariable String id) {
        return webhooks.deliveries(id);
    }

    /**
     * A receiver to register: where, the shared secret for signatures, which event types and, optionally,
     * which sections' events (none: the whole newsroom).
     */
    record RegisterWebhookRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotBlank @Size(max = 256) String secret,
            @NotNull @Size(min = 1, max = 50) List<@NotBlank String> events,
            @Size(max = 50) List<@NotBlank String> sections) {
    }
}
