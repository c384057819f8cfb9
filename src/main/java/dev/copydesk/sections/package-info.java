/** The newsroom's sections (desks): which exist, their names, which are archived. */
@ApplicationModule(allowedDependencies = {"shared"})
package dev.copydesk.sections;

import org.springframework.modulith.ApplicationModule;
