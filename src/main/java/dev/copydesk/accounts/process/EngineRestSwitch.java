package dev.copydesk.accounts.process;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The engine's own REST API ({@code /engine-rest/**}) exists only when {@code copydesk.engine-rest.enabled}
 * is {@code true}. Copydesk's API does not need it, and it can do everything the engine can (deploy
 * processes, complete any task, execute any job), so by default its servlet is never registered: this
 * filter keeps the two auto-configurations that would register it from loading. When it is on, the
 * security chain lets only ADMIN accounts through, with the same HTTP Basic check and login throttle
 * as the rest of the API (docs/security.md). Registered in {@code META-INF/spring.factories}.
 */
public class EngineRestSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

    public static final String PROPERTY = "copydesk.engine-rest.enabled";

    private static final Set<String> ENGINE_REST = Set.of(
            "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
            "org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration");

    private boolean enabled;

    @Override
    public void setEnvironment(Environment environment) {
        this.enabled = environment.getProperty(PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            matches[i] = enabled || autoConfigurationClasses[i] == null
                    || !ENGINE_REST.contains(autoConfigurationClasses[i]);
        }
        return matches;
    }
}
