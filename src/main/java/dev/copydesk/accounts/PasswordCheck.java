package dev.copydesk.accounts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.copydesk.accounts.AccountDirectory.AccountChanged;
import dev.copydesk.shared.AfterCommit;

/**
 * Checks a username and password against the stored adaptive hash and yields a {@link StaffMember}
 * principal. A verified pair is remembered for {@code credential-cache-ttl} under an HMAC with a
 * per-process random key (never the password itself), so HTTP Basic costs one hash per client, client
 * address and TTL rather than one per request; a remembered login skips the throttle (it is no
 * guess). Any change to an account drops its remembered logins.
 * <p>
 * Failed logins are throttled per username and client address ({@link LoginThrottle}). The client
 * address is the request's remote address ({@code server.forward-headers-strategy} decides whether a
 * trusted proxy's {@code X-Forwarded-For} counts), taken from the {@link WebAuthenticationDetails}
 * that HTTP Basic and form login attach, or else from the current request.
 */
@Component
class PasswordCheck implements AuthenticationProvider {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Cache<String, StaffMember> verified;
    private final SecretKeySpec cacheKey;
    /** Compared against when the username is unknown, so timing does not reveal which names exist. */
    private final String dummyHash;

    PasswordCheck(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle,
            SecurityProperties properties) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.verified = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.credentialCacheTtl().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(key));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String clientAddress = clientAddress(authentication);
        String cacheEntry = fingerprint(username, password, LoginThrottle.addressKey(clientAddress));
        StaffMember member = verified.getIfPresent(cacheEntry);
        if (member == null) {
            // Only a password not verified lately from this address is throttled: a guess is never in
            // the cache (nor is the right password from another address), and a steady HTTP Basic
            // client does not read the shared throttle rows on every call.
            Duration wait = throttle.waitFor(username, clientAddress);
            if (!wait.isZero() && !wait.isNegative()) {
                throw new LoginThrottledException(wait);
            }
            Account account = accounts.findByUsername(username).orElse(null);
            if (account == null) {
                encoder.matches(password, dummyHash);
                throttle.failed(username, clientAddress);
                throw new BadCredentialsException("Bad credentials");
            }
            if (!encoder.matches(password, account.passwordHash())) {
                throttle.failed(username, clientAddress);
                throw new BadCredentialsException("Bad credentials");
            }
            if (!account.enabled()) {
                throw new DisabledException("Account disabled");
            }
            member = account.toStaffMember();
            verified.put(cacheEntry, member);
            throttle.succeeded(username, clientAddress);
        }
        return UsernamePasswordAuthenticationToken.authenticated(member, null,
                member.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    /** The remote address of the request this login came with; "unknown" outside a request. */
    static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @EventListener
    void forget(AccountChanged changed) {
        // Dropped at once, so the old roles stop working even before the change commits, and again
        // after commit, in case a concurrent login cached the old account in between.
        forgetNow(changed.accountId());
        AfterCommit.run(() -> forgetNow(changed.accountId()));
    }

    private void forgetNow(String accountId) {
        verified.asMap().values().removeIf(m -> m.id().equals(accountId));
    }

    private String fingerprint(String username, String password, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cacheKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(address.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
