/** The engine's hardening (which beans and expressions processes may reach) and the marker for beans they may. */
@NamedInterface("process")
package dev.copydesk.shared.process;

import org.springframework.modulith.NamedInterface;
