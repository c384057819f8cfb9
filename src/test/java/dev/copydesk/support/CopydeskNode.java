package dev.copydesk.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.copydesk.CopydeskApplication;

/**
 * One whole Copydesk application on a random port, started by a test the way production starts it
 * (real HTTP, real job executor), on a PostgreSQL database given by the test. Start two on one database
 * and you have a two-node cluster; see {@code TwoNodeClusterIntegrationTests}.
 *
 * <p>The properties are put ahead of every YAML file (set through the builder's
 * {@code properties()} they would lose to application.yaml).
 */
public final class CopydeskNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private CopydeskNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts a node named {@code name} (also its engine's name) on the PostgreSQL URL {@code jdbcUrl}
     * with the job executor on, polling often so timers fire within about a second.
     */
    public static CopydeskNode start(String name, String jdbcUrl, Map<String, Object> extra,
            Consumer<ConfigurableApplicationContext> beforeRefresh) {
        Map<String, Object> properties = new HashMap<>(PostgresInstance.properties(jdbcUrl));
        properties.put("server.port", 0);
        properties.put("camunda.bpm.process-engine-name", name);
        properties.put("camunda.bpm.generate-unique-process-engine-name", false);
        properties.put("camunda.bpm.job-execution.enabled", true);
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
        properties.put("camunda.bpm.job-execution.max-wait", 1000);
        properties.put("copydesk.admin-password", StaffFixtures.ADMIN_PASSWORD);
        properties.put("copydesk.test.instance", name);
        properties.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CopydeskApplication.class)
                .profiles("test", "postgres")
                .initializers(ctx -> {
                    ctx.getEnvironment().getPropertySources().addFirst(
                            new MapPropertySource("copydesk-node-" + name, properties));
                    beforeRefresh.accept(ctx);
                })
                .run();
        return new CopydeskNode(name, context);
    }

    public static CopydeskNode start(String name, String jdbcUrl, Map<String, Object> extra) {
        return start(name, jdbcUrl, extra, ctx -> { });
    }

    public String name() {
        return name;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
