/** Outbound HTTP calls (webhooks, external moderation): one address policy, and a client pinned to the checked address. */
package dev.copydesk.shared.outbound;
