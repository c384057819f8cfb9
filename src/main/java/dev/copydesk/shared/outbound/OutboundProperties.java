package dev.copydesk.shared.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code copydesk.outbound.*}: where Copydesk may send HTTP requests (webhook receivers, the external
 * moderation endpoint).
 *
 * @param allowPrivateAddresses allow loopback and private ranges (127/8, ::1, 10/8, 172.16/12,
 *        192.168/16, 100.64/10, 198.18/15, fc00::/7, fec0::/10); every other refused form stays
 *        refused. {@code application.yaml} defaults it to the older
 *        {@code copydesk.webhooks.allow-private-addresses}, so that name keeps working.
 */
@ConfigurationProperties("copydesk.outbound")
public record OutboundProperties(@DefaultValue("false") boolean allowPrivateAddresses) {
}
