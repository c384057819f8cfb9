package dev.copydesk.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a new database of its own on the test PostgreSQL server, ahead of
 * every YAML file, with a small pool (several contexts share one server's connection limit).
 */
public class PostgresInstance implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = PostgresTestDatabase.newDatabaseUrl("ctx");
        Map<String, Object> properties = properties(url);
        // Letters and digits only: the engine ignores a name with a hyphen and falls back to "default".
        properties.put("camunda.bpm.process-engine-name", "postgres" + UUID.randomUUID().toString().substring(0, 8));
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("copydesk-postgres-instance", properties));
    }

    /** Properties that put an application on {@code url} (from {@link PostgresTestDatabase#newDatabaseUrl}). */
    public static Map<String, Object> properties(String url) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", PostgresTestDatabase.user());
        properties.put("spring.datasource.password", PostgresTestDatabase.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", 6);
        properties.put("spring.datasource.hikari.minimum-idle", 1);
        // Tests need no crash durability: commits skip waiting for the disk (about 1,300 fsyncs/s
        // here), which mostly speeds up the engine creating its 50 tables. Semantics are unchanged.
        properties.put("spring.datasource.hikari.data-source-properties.options", "-c synchronous_commit=off");
        return properties;
    }
}
