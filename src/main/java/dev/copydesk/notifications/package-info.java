/** Notifications: mail, signed webhooks and the live event stream, sent after other modules' events commit. */
@ApplicationModule(allowedDependencies = {"accounts", "articles", "comments", "sections", "shared", "shared :: web", "shared :: process", "shared :: outbound"})
package dev.copydesk.notifications;

import org.springframework.modulith.ApplicationModule;
