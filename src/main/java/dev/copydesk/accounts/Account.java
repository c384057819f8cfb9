package dev.copydesk.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.copydesk.shared.Ids;

/** A staff account: who may log in, with which roles. The password is kept only as an adaptive hash. */
@Entity
@Table(name = "account")
class Account {

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = new HashSet<>();

    /** Roles held for named sections only; a role with no entry here is held for the whole newsroom. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role_section", joinColumns = @JoinColumn(name = "account_id"))
    private Set<RoleSection> roleSections = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String displayName, String email, String passwordHash, Set<Role> roles, Instant now) {
        this.id = Ids.newId();
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.roles = new HashSet<>(roles);
        this.createdAt = now;
    }

    StaffMember toStaffMember() {
        return new StaffMember(id, username, displayName, email,
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), sections());
    }

    /** The roles held for named sections, with their sections (sorted). */
    Map<Role, Set<String>> sections() {
        return roleSections.stream().collect(Collectors.groupingBy(RoleSection::role,
                Collectors.mapping(RoleSection::section, Collectors.toCollection(TreeSet::new))));
    }

    /** Replaces the sections roles are held for; roles not named are newsroom-wide. */
    void changeSections(Map<Role, Set<String>> sections) {
        roleSections.clear();
        sections.forEach((role, named) -> named.forEach(section -> roleSections.add(new RoleSection(role, section))));
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    Instant createdAt() {
        return createdAt;
    }

    /** New roles; a role no longer held loses its sections. */
    void changeRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
        roleSections.removeIf(rs -> !roles.contains(rs.role()));
    }

    void changeEnabled(boolean value) {
        this.enabled = value;
    }

    void changeDisplayName(String value) {
        this.displayName = value;
    }

    void changeEmail(String value) {
        this.email = value;
    }

    void changePasswordHash(String value) {
        this.passwordHash = value;
    }
}
