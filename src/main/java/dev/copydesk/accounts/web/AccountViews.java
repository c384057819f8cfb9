package dev.copydesk.accounts.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.copydesk.accounts.AccountDirectory.AccountDetails;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.shared.TextHygiene;

/**
 * Request and response bodies of the account endpoints. Display names are cleaned as they are read
 * ({@link TextHygiene}: one line, no control, bidi or zero-width characters), before validation.
 */
final class AccountViews {

    private AccountViews() {
    }

    /** {@code sections}: the roles held for named sections only; the other roles are newsroom-wide. */
    record MeView(String id, String username, String displayName, String email, Set<Role> roles,
            Map<Role, Set<String>> sections) {
        static MeView of(StaffMember m) {
            return new MeView(m.id(), m.username(), m.displayName(), m.email(), m.roles(), m.sections());
        }
    }

    record AccountView(String id, String username, String displayName, String email, Set<Role> roles,
            Map<Role, Set<String>> sections, boolean enabled, Instant createdAt) {
        static AccountView of(AccountDetails a) {
            return new AccountView(a.id(), a.username(), a.displayName(), a.email(), a.roles(), a.sections(),
                    a.enabled(), a.createdAt());
        }
    }

    record CreateAccountRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,39}",
                    message = "must be 2 to 40 lower-case letters, digits, '.', '_' or '-'") @Schema(example = "wendy")
            String username,
            @JsonDeserialize(using = TextHygiene.OneLine.class) @NotBlank @Size(max = 120)
            @Schema(example = "Wendy Writer") String displayName,
            @NotBlank @Email @Size(max = 254) @Schema(example = "wendy@example.org") String email,
            @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
            @NotEmpty Set<@NotNull Role> roles,
            Map<Role, Set<String>> sections) {
    }

    record ChangeAccountRequest(
            Set<@NotNull Role> roles,
            Boolean enabled,
            @JsonDeserialize(using = TextHygiene.OneLine.class) @Size(min = 1, max = 120) String displayName,
            @Email @Size(max = 254) String email,
            @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
            Map<Role, Set<String>> sections) {
    }
}
