package dev.copydesk.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives each Spring test context its own in-memory database and engine name. */
public class UniqueInstance implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("copydesk-test-instance", Map.of("copydesk.test.instance", id)));
    }
}
