/**
 * Reader comments: intake, the public thread, reader flags and the comment aggregate with its history.
 * Screening and the moderation queue belong to {@code dev.copydesk.moderation}, reached through {@link dev.copydesk.comments.ModerationGate}.
 */
@ApplicationModule(allowedDependencies = {"articles", "operations", "shared", "shared :: web", "shared :: process", "shared :: outbound"})
package dev.copydesk.comments;

import org.springframework.modulith.ApplicationModule;
