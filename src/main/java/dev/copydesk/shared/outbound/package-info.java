/** Outbound HTTP calls (webhooks, external moderation): one address policy, and a client pinned to the checked address. */
@NamedInterface("outbound")
package dev.copydesk.shared.outbound;

import org.springframework.modulith.NamedInterface;
