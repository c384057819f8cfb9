/** Staff accounts and roles, authentication, the current user, and access rules. */
@ApplicationModule(allowedDependencies = {"sections", "shared", "shared :: web", "shared :: process", "shared :: outbound"})
package dev.copydesk.accounts;

import org.springframework.modulith.ApplicationModule;
