/**
 * Comment moderation: screening rules and the screening policy (DMN), the moderation queues,
 * moderators' decisions, bans and the moderation settings. The process itself lives in {@code process}.
 */
@ApplicationModule(allowedDependencies = {"comments", "articles", "accounts", "sections", "operations", "shared", "shared :: web", "shared :: process", "shared :: outbound"})
package dev.copydesk.moderation;

import org.springframework.modulith.ApplicationModule;
