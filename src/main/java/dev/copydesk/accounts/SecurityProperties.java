package dev.copydesk.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.security.*}: login throttling and how long a verified password is remembered
 * (so HTTP Basic does not pay the adaptive hash on every call).
 */
@ConfigurationProperties("copydesk.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("PT5M") Duration failedLoginWindow,
        @DefaultValue("PT5M") Duration credentialCacheTtl) {
}
