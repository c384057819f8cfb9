package dev.copydesk.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.AccountDirectory.NewAccount;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Creates staff accounts with fresh usernames for a test, and logs in as them with real HTTP Basic
 * (through the real password check, not a mocked security context).
 */
@TestComponent
public class StaffFixtures {

    public static final String PASSWORD = "correct-horse-battery";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final AccountDirectory directory;

    public StaffFixtures(AccountDirectory directory) {
        this.directory = directory;
    }

    /** A new enabled account holding {@code roles}, with the password {@link #PASSWORD}. */
    public Staff create(Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        String username = (roles.length == 0 ? "nobody" : roles[0].name().toLowerCase()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        directory.create(new NewAccount(username, "Test " + username, username + "@example.org", PASSWORD, set));
        StaffMember member = directory.findStaffByUsername(username).orElseThrow();
        return new Staff(member, httpBasic(username, PASSWORD));
    }

    /** A new enabled account holding {@code role} for the named sections only. */
    public Staff createFor(Role role, String... sections) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        directory.create(new NewAccount(username, "Test " + username, username + "@example.org", PASSWORD,
                EnumSet.of(role), java.util.Map.of(role, Set.of(sections))));
        StaffMember member = directory.findStaffByUsername(username).orElseThrow();
        return new Staff(member, httpBasic(username, PASSWORD));
    }

    public RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }

    /** A staff member and the request post-processor that logs in as them. */
    public record Staff(StaffMember member, RequestPostProcessor login) {
        public String id() {
            return member.id();
        }
    }
}
