package dev.copydesk.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Console sessions that follow the account they belong to. A session remembers who logged in, not
 * what they may do: on every request the account is read again, so a role change takes effect on
 * the next request, and a disabled account, a changed password or a deleted account ends the session
 * (it is invalidated and the request is anonymous). The session also keeps a stamp of the password
 * hash it was opened with (a digest, never the hash), which is how a password change is noticed on
 * every node that shares the database.
 */
final class AccountBoundSessions implements SecurityContextRepository {

    static final String STAMP = AccountBoundSessions.class.getName() + ".STAMP";

    private final HttpSessionSecurityContextRepository sessions;
    private final AccountRepository accounts;
    private final TransactionTemplate readOnly;

    AccountBoundSessions(boolean allowSessionCreation, AccountRepository accounts, TransactionTemplate readOnly) {
        this.sessions = new HttpSessionSecurityContextRepository();
        this.sessions.setAllowSessionCreation(allowSessionCreation);
        this.accounts = accounts;
        this.readOnly = readOnly;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new Revalidated(request, stored);
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
        HttpSession session = request.getSession(false);
        if (session != null && member(context).isPresent()) {
            account(member(context).get().id()).ifPresent(account -> session.setAttribute(STAMP, stampOf(account)));
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private SecurityContext revalidate(HttpServletRequest request, SecurityContext context) {
        Optional<StaffMember> member = member(context);
        if (member.isEmpty()) {
            return context;
        }
        HttpSession session = request.getSession(false);
        Optional<Account> account = account(member.get().id());
        boolean valid = session != null && account.isPresent() && account.get().enabled()
                && stampOf(account.get()).equals(session.getAttribute(STAMP));
        if (!valid) {
            if (session != null) {
                session.invalidate();
            }
            return SecurityContextHolder.createEmptyContext();
        }
        StaffMember current = account.get().toStaffMember();
        if (current.equals(member.get())) {
            return context;
        }
        SecurityContext fresh = SecurityContextHolder.createEmptyContext();
        fresh.setAuthentication(authenticated(current));
        return fresh;
    }

    static Authentication authenticated(StaffMember member) {
        return UsernamePasswordAuthenticationToken.authenticated(member, null,
                member.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    private Optional<Account> account(String id) {
        return readOnly.execute(status -> accounts.findById(id));
    }

    private static Optional<StaffMember> member(SecurityContext context) {
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffMember member
                ? Optional.of(member) : Optional.empty();
    }

    /** A digest of the stored password hash: changes whenever the password does. */
    static String stampOf(Account account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(account.passwordHash().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the session's context once, when first asked, and checks it against the account. */
    private final class Revalidated implements DeferredSecurityContext {
        private final HttpServletRequest request;
        private final DeferredSecurityContext stored;
        private SecurityContext checked;

        Revalidated(HttpServletRequest request, DeferredSecurityContext stored) {
            this.request = request;
            this.stored = stored;
        }

        @Override
        public SecurityContext get() {
            if (checked == null) {
                checked = revalidate(request, stored.get());
            }
            return checked;
        }

        @Override
        public boolean isGenerated() {
            return stored.isGenerated() || member(get()).isEmpty();
        }
    }
}
