package dev.copydesk.notifications.web;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.notifications.DeliveryStatus;
import dev.copydesk.notifications.MailLog;
import dev.copydesk.notifications.MailLog.MailDetails;
import dev.copydesk.shared.InvalidRequestException;

/** {@code /api/admin/mail-deliveries}: the mail delivery log, ADMIN only (URL rule). */
@RestController
class MailDeliveryController {

    private final MailLog mail;

    MailDeliveryController(MailLog mail) {
        this.mail = mail;
    }

    @GetMapping("/api/admin/mail-deliveries")
    List<MailDetails> latest(@RequestParam(required = false) String status) {
        return mail.latest(status == null || status.isBlank() ? null : parse(status));
    }

    @ApiResponse(responseCode = "202", description = "Queued again with a fresh round of attempts", useReturnTypeSchema = true)
    @PostMapping("/api/admin/mail-deliveries/{id}/retry")
    ResponseEntity<MailDetails> retry(@PathVariable String id) {
        return ResponseEntity.accepted().body(mail.retry(id));
    }

    private static DeliveryStatus parse(String status) {
        return Arrays.stream(DeliveryStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("status",
                        "must be one of " + Arrays.toString(DeliveryStatus.values())));
    }
}
