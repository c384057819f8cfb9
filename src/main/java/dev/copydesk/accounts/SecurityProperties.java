package dev.copydesk.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.security.*}: login throttling ({@link LoginThrottle}) and how long a verified
 * password is remembered (so HTTP Basic does not pay the adaptive hash on every call).
 *
 * @param maxFailedLogins           failed logins for one username from one client address within the
 *                                  window before that pair gets 429
 * @param maxFailedLoginsPerAddress failed logins from one client address (IPv6: one /64) within the
 *                                  window, whatever the usernames, before that address gets 429
 * @param failedLoginWindow         how long a failed login counts
 * @param credentialCacheTtl        how long a verified password is trusted without hashing it again
 */
@ConfigurationProperties("copydesk.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("20") int maxFailedLoginsPerAddress,
        @DefaultValue("PT5M") Duration failedLoginWindow,
        @DefaultValue("PT5M") Duration credentialCacheTtl) {

    SecurityProperties {
        if (maxFailedLogins < 1 || maxFailedLoginsPerAddress < 1) {
            throw new IllegalArgumentException(
                    "copydesk.security.max-failed-logins and max-failed-logins-per-address must be at least 1");
        }
    }
}
