package dev.copydesk.accounts;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One section a role is held for (table {@code account_role_section}). */
@Embeddable
class RoleSection {

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Role role;

    @Column(name = "section", nullable = false)
    private String section;

    protected RoleSection() {
    }

    RoleSection(Role role, String section) {
        this.role = role;
        this.section = section;
    }

    Role role() {
        return role;
    }

    String section() {
        return section;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleSection other && role == other.role && section.equals(other.section);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, section);
    }
}
