package dev.copydesk.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.sections.Sections;
import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.shared.TextHygiene;

/**
 * The accounts module's API: creating and changing staff accounts, and looking staff up for other
 * modules (author names, who to notify, the workflow engine's users and groups).
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Sections sections;

    AccountDirectory(AccountRepository accounts, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, Clock clock, Sections sections) {
        this.sections = sections;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** A new account; the username must be free (409 otherwise). */
    @Transactional
    public AccountDetails create(NewAccount request) {
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new ConflictException("The username '" + request.username() + "' is taken");
        }
        Account account = new Account(request.username(), displayName(request.displayName()), request.email(),
                passwordEncoder.encode(request.password()), request.roles(), Instant.now(clock));
        if (request.sections() != null) {
            account.changeSections(checkedSections(request.sections(), request.roles()));
        }
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("The username '" + request.username() + "' is taken");
        }
        return details(account);
    }

    /**
     * Scopes an administrator may grant: only {@link Role#SCOPABLE} roles the account holds, each for
     * at least one existing section (an empty list would be no scope at all: say newsroom-wide by
     * leaving the role out). Every wrong entry is named in one 400.
     */
    private Map<Role, Set<String>> checkedSections(Map<Role, Set<String>> given, Set<Role> held) {
        List<String> wrong = new java.util.ArrayList<>();
        given.forEach((role, named) -> {
            if (role == null) {
                wrong.add("a role is missing");
            } else if (!Role.SCOPABLE.contains(role)) {
                wrong.add(role + " is always held for the whole newsroom");
            } else if (!held.contains(role)) {
                wrong.add(role + " is not one of the account's roles");
            } else if (named == null || named.isEmpty()) {
                wrong.add(role + " needs at least one section (leave it out to hold it newsroom-wide)");
            } else {
                named.stream().filter(s -> s == null || sections.find(s).isEmpty()).sorted(java.util.Comparator.nullsFirst(String::compareTo))
                        .forEach(s -> wrong.add(role + ": no section " + s));
            }
        });
        if (!wrong.isEmpty()) {
            throw new InvalidRequestException("sections", String.join("; ", wrong));
        }
        return given;
    }

    /** One line, without control, bidi or zero-width characters ({@link TextHygiene}), trimmed, not blank. */
    private static String displayName(String given) {
        String cleaned = TextHygiene.oneLine("displayName", given).strip();
        if (cleaned.isEmpty()) {
            throw new InvalidRequestException("displayName", "must not be blank");
        }
        return cleaned;
    }

    public List<AccountDetails> all() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(AccountDirectory::details).toList();
    }

    public AccountDetails get(String id) {
        return details(find(id));
    }

    /**
     * Changes roles, enabled flag, display name, email or password; {@code null} leaves a value as it
     * is. The last enabled administrator cannot be disabled or lose the ADMIN role (409).
     */
    @Transactional
    public AccountDetails change(String id, AccountChange change) {
        Account account = find(id);
        boolean wasAdmin = account.enabled() && account.roles().contains(Role.ADMIN);
        if (change.roles() != null) {
            account.changeRoles(change.roles());
        }
        if (change.sections() != null) {
            account.changeSections(checkedSections(change.sections(), account.roles()));
        }
        if (change.enabled() != null) {
            account.changeEnabled(change.enabled());
        }
        if (change.displayName() != null) {
            account.changeDisplayName(displayName(change.displayName()));
        }
        if (change.email() != null) {
            account.changeEmail(change.email());
        }
        if (change.password() != null) {
            account.changePasswordHash(passwordEncoder.encode(change.password()));
        }
        boolean isAdmin = account.enabled() && account.roles().contains(Role.ADMIN);
        if (wasAdmin && !isAdmin) {
            accounts.flush();
            if (accounts.countEnabledAdmins() == 0) {
                throw new ConflictException("This is the last enabled administrator; keep at least one");
            }
        }
        events.publishEvent(new AccountChanged(account.id(), account.username()));
        return details(account);
    }

    public Optional<StaffMember> findStaff(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return accounts.findById(id).map(Account::toStaffMember);
    }

    public Optional<StaffMember> findStaffByUsername(String username) {
        return accounts.findByUsername(username).map(Account::toStaffMember);
    }

    /** Enabled staff holding {@code role}: who to notify, who the engine offers a group task to. */
    public List<StaffMember> staffWithRole(Role role) {
        return accounts.findEnabledWithRole(role).stream().map(Account::toStaffMember).toList();
    }

    /** Display names by account id, for bylines; unknown ids are left out. */
    public Map<String, String> displayNames(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(Account::id, Account::displayName, (a, b) -> a));
    }

    public List<StaffMember> allStaff() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(Account::toStaffMember).toList();
    }


    private Account find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("Account", id);
        }
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
    }

    private static AccountDetails details(Account a) {
        return new AccountDetails(a.id(), a.username(), a.displayName(), a.email(), a.roles(), a.sections(), a.enabled(),
                a.createdAt());
    }

    /** What an administrator sees of an account. Never the password hash. */
    public record AccountDetails(String id, String username, String displayName, String email,
            Set<Role> roles, Map<Role, Set<String>> sections, boolean enabled, Instant createdAt) {
    }

    /**
     * A request for a new account; {@code sections} names the roles held for some sections only
     * ({@code null} or absent roles: newsroom-wide).
     */
    public record NewAccount(String username, String displayName, String email, String password, Set<Role> roles,
            Map<Role, Set<String>> sections) {

        public NewAccount(String username, String displayName, String email, String password, Set<Role> roles) {
            this(username, displayName, email, password, roles, null);
        }
    }

    /**
     * A change to an account; {@code null} fields stay as they are. {@code sections}, when given,
     * replaces every scope (roles not in it become newsroom-wide); a role taken away loses its scope.
     */
    public record AccountChange(Set<Role> roles, Boolean enabled, String displayName, String email, String password,
            Map<Role, Set<String>> sections) {

        public AccountChange(Set<Role> roles, Boolean enabled, String displayName, String email, String password) {
            this(roles, enabled, displayName, email, password, null);
        }
    }

    /** Published when an account's roles, status or password changed, so cached logins are dropped. */
    public record AccountChanged(String accountId, String username) {
    }
}
