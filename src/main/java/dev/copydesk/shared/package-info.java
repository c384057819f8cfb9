/** Small, boring things every module uses: problem documents, domain exceptions, ids, the clock. */
@ApplicationModule(allowedDependencies = {})
package dev.copydesk.shared;

import org.springframework.modulith.ApplicationModule;
