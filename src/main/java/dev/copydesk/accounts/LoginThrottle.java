package dev.copydesk.accounts;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.copydesk.shared.ClientAddressKey;
import dev.copydesk.shared.RateLimits;

/**
 * Slows down password guessing without handing an attacker the power to lock the owner out.
 * Failures are counted per (username, client address): {@code max-failed-logins} of them are allowed
 * in a burst, then one more every {@code failed-login-window / max-failed-logins}; beyond that the
 * username is refused (429) <em>from that address</em>; the same username from any other address is
 * not affected. Independently, one client address may fail {@code max-failed-logins-per-address}
 * times per window across all usernames, which stops one address from spraying many names.
 * IPv6 clients are counted per /64, the block one subscriber usually holds. A successful login
 * clears only its own (username, address) count, never the address's count, so an attacker cannot
 * reset the per-address cap by logging in to an account of their own. Refused attempts never reach
 * the password hash, so a throttled client costs the server little. The counts are token buckets in
 * the database ({@link RateLimits}), shared by every node; see docs/security.md and docs/operations.md.
 */
@Component
class LoginThrottle {

    private final SecurityProperties properties;
    private final RateLimits limits;

    LoginThrottle(SecurityProperties properties, RateLimits limits) {
        this.properties = properties;
        this.limits = limits;
    }

    /**
     * How long this username must wait before trying again from {@code clientAddress}, or
     * {@link Duration#ZERO} when it may try now.
     */
    Duration waitFor(String username, String clientAddress) {
        String address = addressKey(clientAddress);
        Duration pair = limits.waitFor(pairKey(username, address), properties.maxFailedLogins(),
                properties.failedLoginWindow());
        Duration spray = limits.waitFor(addressOnly(address), properties.maxFailedLoginsPerAddress(),
                properties.failedLoginWindow());
        return pair.compareTo(spray) >= 0 ? pair : spray;
    }

    void failed(String username, String clientAddress) {
        String address = addressKey(clientAddress);
        limits.take(pairKey(username, address), properties.maxFailedLogins(), properties.failedLoginWindow());
        limits.take(addressOnly(address), properties.maxFailedLoginsPerAddress(), properties.failedLoginWindow());
    }

    void succeeded(String username, String clientAddress) {
        limits.forget(pairKey(username, addressKey(clientAddress)));
    }

    private static String pairKey(String username, String address) {
        return "login-pair:" + username.toLowerCase(Locale.ROOT) + "\n" + address;
    }

    private static String addressOnly(String address) {
        return "login-address:" + address;
    }

    /** The client address as counted: IPv4 as it is, IPv6 by its /64 prefix. */
    static String addressKey(String clientAddress) {
        return ClientAddressKey.of(clientAddress);
    }
}
