package dev.copydesk.accounts;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.security.cross-site.*}: origins other than Copydesk's own whose browsers may send
 * unsafe requests (for example a newsroom's own site that embeds the comment form), as
 * {@code https://host[:port]}. Empty by default: only this service's own pages may.
 */
@ConfigurationProperties("copydesk.security.cross-site")
record CrossSiteProperties(@DefaultValue({}) Set<String> trustedOrigins) {
}
