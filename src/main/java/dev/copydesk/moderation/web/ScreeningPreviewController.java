package dev.copydesk.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.moderation.ScreeningPreview;

/**
 * Tries a comment against the current screening policy without storing it: moderators see why a
 * comment would be held, admins try a word-list change before saving it (the console's settings page).
 */
@Tag(name = "moderation")
@RestController
class ScreeningPreviewController {

    private final ScreeningPreview preview;

    ScreeningPreviewController(ScreeningPreview preview) {
        this.preview = preview;
    }

    @Operation(operationId = "previewScreening", summary = "Preview how a comment would be screened",
            description = "MODERATOR or ADMIN. Runs the screening policy on a text without storing anything; word "
                    + "lists given here replace the saved ones for this call only.")
    @PostMapping("/api/moderation/screening/preview")
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    ScreeningPreview.Preview preview(@Valid @RequestBody PreviewRequest request) {
        return preview.preview(request.body(), request.authorEmail(), request.bannedWords(), request.suspectWords());
    }

    /**
     * {@code bannedWords} and {@code suspectWords}, when given, replace the saved lists for this
     * preview only (validated like the settings).
     */
    record PreviewRequest(@NotBlank @Size(max = 4000) String body,
            @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String authorEmail,
            @Size(max = 2000) List<String> bannedWords, @Size(max = 2000) List<String> suspectWords) {
    }
}
