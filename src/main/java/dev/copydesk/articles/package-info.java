/** Articles and their publication workflow: drafts, revisions, review, scheduling, the public reading API. */
@ApplicationModule(allowedDependencies = {"accounts", "sections", "operations", "shared", "shared :: web", "shared :: process", "shared :: outbound"})
package dev.copydesk.articles;

import org.springframework.modulith.ApplicationModule;
