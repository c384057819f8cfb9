/** The staff web console: static pages under {@code /console/} on top of the HTTP API, with session login. */
@ApplicationModule(allowedDependencies = {})
package dev.copydesk.console;

import org.springframework.modulith.ApplicationModule;
