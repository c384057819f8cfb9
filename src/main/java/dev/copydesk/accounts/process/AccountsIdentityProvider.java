package dev.copydesk.accounts.process;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.sections.SectionView;
import dev.copydesk.sections.Sections;

/**
 * The engine's view of our staff, read-only: a Camunda user is an account (user id = username),
 * a Camunda group is one of our roles, newsroom-wide ({@code EDITOR}) or for one section
 * ({@code EDITOR:entertainment}, {@link Role#group(String)}). A newsroom-wide editor is a member of
 * {@code EDITOR}; an editor of entertainment only of {@code EDITOR:entertainment}. The review and
 * moderation tasks name both groups of their article's section, so a task is offered to the
 * newsroom's editors and that desk's, and to nobody else, without a second user store to keep in sync.
 * Staff lists are small (a newsroom, not the readers), so queries filter in memory.
 */
class AccountsIdentityProvider implements ReadOnlyIdentityProvider {

    private final AccountDirectory directory;
    private final Sections sections;

    AccountsIdentityProvider(AccountDirectory directory, Sections sections) {
        this.directory = directory;
        this.sections = sections;
    }

    @Override
    public User findUserById(String userId) {
        return directory.findStaffByUsername(userId).map(AccountsIdentityProvider::user).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new StaffQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new StaffQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: staff live in Copydesk's accounts");
    }

    /**
     * Never: staff log in through Copydesk (HTTP Basic or the console, with the login throttle), and
     * the web apps take that login by single sign-on. A password check here would be an unthrottled
     * oracle behind {@code identity/verify} and the web apps' own login form.
     */
    @Override
    public boolean checkPassword(String userId, String password) {
        return false;
    }

    @Override
    public Group findGroupById(String groupId) {
        return allGroups().stream().filter(g -> g.getId().equals(groupId)).findFirst().orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new RoleQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new RoleQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    List<User> users(StaffQuery query) {
        Stream<StaffMember> staff = query.getId() != null
                ? directory.findStaffByUsername(query.getId()).stream()
                : directory.allStaff().stream();
        return staff
                .filter(s -> query.getIds() == null || Arrays.asList(query.getIds()).contains(s.username()))
                .filter(s -> query.getGroupId() == null || groupIds(s).contains(query.getGroupId()))
                .filter(s -> query.getTenantId() == null)
                .filter(matches(query.getFirstName(), query.getFirstNameLike(), StaffMember::displayName))
                .filter(matches(query.getEmail(), query.getEmailLike(), StaffMember::email))
                .filter(s -> query.getLastName() == null && query.getLastNameLike() == null)
                .map(AccountsIdentityProvider::user)
                .toList();
    }

    List<Group> groups(RoleQuery query) {
        Stream<GroupEntity> groups = allGroups().stream();
        if (query.getUserId() != null) {
            List<String> held = directory.findStaffByUsername(query.getUserId())
                    .map(AccountsIdentityProvider::groupIds).orElse(List.of());
            groups = groups.filter(g -> held.contains(g.getId()));
        }
        return groups
                .filter(g -> query.getId() == null || g.getId().equals(query.getId()))
                .filter(g -> query.getIds() == null || Arrays.asList(query.getIds()).contains(g.getId()))
                .filter(g -> query.getTenantId() == null)
                .filter(g -> query.getType() == null || query.getType().equals(g.getType()))
                .filter(g -> query.getName() == null || query.getName().equals(g.getName()))
                .filter(g -> query.getNameLike() == null || like(g.getName(), query.getNameLike()))
                .map(Group.class::cast)
                .toList();
    }

    private static Predicate<StaffMember> matches(String exact, String pattern,
            java.util.function.Function<StaffMember, String> field) {
        return s -> (exact == null || exact.equals(field.apply(s)))
                && (pattern == null || like(field.apply(s), pattern));
    }

    /** SQL LIKE with % wildcards, case-insensitive, as the web apps' search boxes send it. */
    private static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("%", -1))
                .map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return value.toLowerCase(Locale.ROOT).matches(regex);
    }

    /** The engine groups a staff member is in: a newsroom-wide role's name, a scoped role's section groups. */
    static List<String> groupIds(StaffMember s) {
        return Arrays.stream(Role.values()).filter(s::has).flatMap(r -> {
            StaffMember.Scope scope = s.scope(r);
            return scope.newsroom() ? Stream.of(r.name()) : scope.sections().stream().sorted().map(r::group);
        }).toList();
    }

    /** Every group: one per role, and one per scopable role and section. */
    private List<GroupEntity> allGroups() {
        List<SectionView> all = sections.all();
        return Arrays.stream(Role.values()).flatMap(r -> Stream.concat(Stream.of(group(r)),
                Role.SCOPABLE.contains(r) ? all.stream().map(section -> group(r, section)) : Stream.empty()))
                .toList();
    }

    private static GroupEntity group(Role role, SectionView section) {
        GroupEntity group = new GroupEntity(role.group(section.slug()));
        group.setName(group(role).getName() + " of " + section.name());
        group.setType("WORKFLOW");
        return group;
    }

    private static User user(StaffMember s) {
        UserEntity user = new UserEntity(s.username());
        user.setFirstName(s.displayName());
        user.setLastName("");
        user.setEmail(s.email());
        return user;
    }

    private static GroupEntity group(Role role) {
        GroupEntity group = new GroupEntity(role.name());
        group.setName(role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT) + "s");
        group.setType(role == Role.ADMIN ? "SYSTEM" : "WORKFLOW");
        return group;
    }

    private static AccountsIdentityProvider current(CommandContext context) {
        return (AccountsIdentityProvider) context.getReadOnlyIdentityProvider();
    }

    static final class StaffQuery extends UserQueryImpl {

        StaffQuery() {
        }

        StaffQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return current(context).users(this).size();
        }

        @Override
        public List<User> executeList(CommandContext context, Page page) {
            return paged(current(context).users(this), page);
        }
    }

    static final class RoleQuery extends GroupQueryImpl {

        RoleQuery() {
        }

        RoleQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return current(context).groups(this).size();
        }

        @Override
        public List<Group> executeList(CommandContext context, Page page) {
            return paged(current(context).groups(this), page);
        }
    }

    static final class NoTenants extends TenantQueryImpl {

        NoTenants() {
        }

        NoTenants(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext context) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext context, Page page) {
            return List.of();
        }
    }

    private static <T> List<T> paged(List<T> all, Page page) {
        if (page == null) {
            return all;
        }
        int from = Math.min(page.getFirstResult(), all.size());
        int to = Math.min(from + page.getMaxResults(), all.size());
        return all.subList(from, to);
    }
}
