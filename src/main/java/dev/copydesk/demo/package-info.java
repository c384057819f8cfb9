/** The {@code demo} profile: sample accounts, articles and comments so a newcomer can try every flow. */
@ApplicationModule(allowedDependencies = {"accounts", "articles", "comments", "moderation", "shared"})
package dev.copydesk.demo;

import org.springframework.modulith.ApplicationModule;
