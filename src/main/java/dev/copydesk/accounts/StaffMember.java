package dev.copydesk.accounts;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated staff member behind a request: the principal of every staff call. Other
 * modules take it from {@code @AuthenticationPrincipal} and ask it about roles and their scopes.
 *
 * @param sections the roles held for named sections only, with those sections; a role in
 *                 {@code roles} and not here is held for the whole newsroom
 */
public record StaffMember(String id, String username, String displayName, String email, Set<Role> roles,
        Map<Role, Set<String>> sections) implements Serializable {

    public StaffMember {
        roles = Set.copyOf(roles);
        Set<Role> held = roles;
        sections = sections == null ? Map.of() : sections.entrySet().stream()
                .filter(e -> held.contains(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** A staff member whose roles are all held for the whole newsroom. */
    public StaffMember(String id, String username, String displayName, String email, Set<Role> roles) {
        this(id, username, displayName, email, roles, Map.of());
    }

    /** Holds {@code role}, for the whole newsroom or for some sections. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isEditor() {
        return has(Role.EDITOR);
    }

    /** Where {@code role} reaches: the whole newsroom, some sections, or nowhere. */
    public Scope scope(Role role) {
        if (!has(role)) {
            return Scope.NOWHERE;
        }
        Set<String> named = sections.get(role);
        return named == null ? Scope.NEWSROOM : new Scope(false, named);
    }

    /** Holds {@code role} for the whole newsroom or for {@code section}. */
    public boolean covers(Role role, String section) {
        return scope(role).covers(section);
    }

    /**
     * Where a role reaches.
     *
     * @param newsroom every section, present and future
     * @param sections the named sections when not {@code newsroom}; empty for a role not held
     */
    public record Scope(boolean newsroom, Set<String> sections) implements Serializable {

        public static final Scope NEWSROOM = new Scope(true, Set.of());
        public static final Scope NOWHERE = new Scope(false, Set.of());

        public Scope {
            sections = Set.copyOf(sections);
        }

        public boolean covers(String section) {
            return newsroom || sections.contains(section);
        }

        public boolean none() {
            return !newsroom && sections.isEmpty();
        }
    }
}
