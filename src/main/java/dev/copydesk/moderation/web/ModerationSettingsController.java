package dev.copydesk.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.moderation.ModerationSettings;
import dev.copydesk.moderation.ModerationSettingsStore;
import dev.copydesk.moderation.ScreeningCode;

/** The moderation settings, for administrators. A PUT replaces them all. */
@Tag(name = "moderation")
@RestController
class ModerationSettingsController {

    private final ModerationSettingsStore settings;

    ModerationSettingsController(ModerationSettingsStore settings) {
        this.settings = settings;
    }

    @Operation(operationId = "getModerationSettings", summary = "Get the moderation settings",
            description = "ADMIN only. Word lists, limits, rule switches and the external moderation endpoint.")
    @GetMapping("/api/admin/moderation-settings")
    ModerationSettings get() {
        return settings.current();
    }

    @Operation(operationId = "replaceModerationSettings", summary = "Replace the moderation settings",
            description = "ADMIN only. The whole document; screening uses it from the next comment on.")
    @PutMapping("/api/admin/moderation-settings")
    ModerationSettings put(@Valid @RequestBody SettingsRequest request, @AuthenticationPrincipal StaffMember me) {
        return settings.replace(request.toSettings(), me.username());
    }

    /**
     * The whole settings document. The contract's fields are required; {@code rules} (a switch per
     * rule, missing ones on), {@code shoutingMinLetters} (default 15) and {@code external} are optional.
     */
    record SettingsRequest(@NotNull List<String> bannedWords, @NotNull List<String> suspectWords,
            @NotNull Integer maxLinks, @NotNull Boolean premoderation, @NotNull Integer trustAfterApproved,
            @NotNull Integer flagThreshold, @NotNull Integer commentsPerMinute, @NotNull String queueSla,
            Map<ScreeningCode, Boolean> rules, Integer shoutingMinLetters, ModerationSettings.External external) {

        ModerationSettings toSettings() {
            return new ModerationSettings(bannedWords, suspectWords, maxLinks, premoderation, trustAfterApproved,
                    flagThreshold, commentsPerMinute, queueSla, rules,
                    shoutingMinLetters == null ? 15 : shoutingMinLetters, external);
        }
    }
}
