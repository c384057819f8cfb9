package dev.copydesk.notifications.web;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "notifications")
class MailDeliveryController {

    private final MailLog mail;

    MailDeliveryController(MailLog mail) {
        this.mail = mail;
    }

    @Operation(operationId = "listMailDeliveries", summary = "List the mail delivery log",
            description = "ADMIN only. The latest 200 mails, newest first, with their attempts and last error; "
                    + "recipients masked. `status` keeps only PENDING, RETRYING, DELIVERED or FAILED ones.")
    @GetMapping("/api/admin/mail-deliveries")
    List<MailDetails> latest(@Parameter(description = "Only mails in this status",
            schema = @Schema(allowableValues = {"PENDING", "RETRYING", "DELIVERED", "FAILED"}))
            @RequestParam(required = false) String status) {
        return mail.latest(status == null || status.isBlank() ? null : parse(status));
    }

    @ApiResponse(responseCode = "202", description = "Queued again with a fresh round of attempts", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The mail is not FAILED (`currentStatus` says what it is)")
    @Operation(operationId = "retryMailDelivery", summary = "Send a failed mail again",
            description = "ADMIN only. A FAILED mail gets a fresh round of attempts; 409 for a mail in another status.")
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
