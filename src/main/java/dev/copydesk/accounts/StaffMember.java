package dev.copydesk.accounts;

import java.io.Serializable;
import java.util.Set;

/**
 * The authenticated staff member behind a request: the principal of every staff call. Other
 * modules take it from {@code @AuthenticationPrincipal} and ask it about roles.
 */
public record StaffMember(String id, String username, String displayName, String email, Set<Role> roles)
        implements Serializable {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isEditor() {
        return has(Role.EDITOR);
    }
}
