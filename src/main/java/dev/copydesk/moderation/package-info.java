/**
 * Comment moderation: screening rules and the screening policy (DMN), the moderation queues,
 * moderators' decisions, bans and the moderation settings. The process itself lives in {@code process}.
 */
package dev.copydesk.moderation;
