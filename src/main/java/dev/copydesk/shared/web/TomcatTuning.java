package dev.copydesk.shared.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat, tuned so that every answer is a problem document:
 * <ul>
 * <li>encoded slashes ({@code %2F}) pass through Tomcat so that Spring Security's firewall refuses
 * them with our 400 problem document;</li>
 * <li>what Tomcat refuses itself, before any of our code runs ({@code %00}, {@code %5C}, bad
 * percent-encoding, invalid characters in the request line, headers too large), is answered by
 * {@link ProblemReportValve} instead of Tomcat's HTML error page.</li>
 * </ul>
 */
@Component
class TomcatTuning implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                // Boot adds its own ErrorReportValve to the host (server.error.include-stacktrace=never);
                // remove it just before the host starts, when every customizer has run, so that the
                // host installs ours from errorReportValveClass instead.
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                    }
                });
            }
        });
    }
}
