package dev.copydesk.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.copydesk.support.CopydeskNode;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.PostgresTest;
import dev.copydesk.support.PostgresTestDatabase;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Takes PostgreSQL away from a running node and gives it back, through a TCP proxy the test can
 * cut: readiness goes DOWN and UP again, liveness stays UP (no restart loop), every request during
 * the outage gets a 503 problem document with Retry-After and no internals, and what was accepted
 * before the outage is still there after it.
 */
@PostgresTest
class DatabaseOutageIntegrationTests {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = StaffFixtures.ADMIN_PASSWORD;
    static final List<String> INTERNALS = List.of("SQL", "sql", "Exception", "exception", "org.", "jdbc",
            "postgres", "Hikari", "at ");

    static TcpProxy proxy;
    static CopydeskNode node;

    @BeforeAll
    static void startNodeBehindProxy() throws Exception {
        String database = PostgresTestDatabase.newDatabaseUrl("outage");
        proxy = new TcpProxy(PostgresTestDatabase.host(database), PostgresTestDatabase.port(database));
        node = CopydeskNode.start("outageNode", PostgresTestDatabase.viaPort(database, "127.0.0.1", proxy.port()),
                Map.of("camunda.bpm.job-execution.enabled", false,
                        "spring.datasource.hikari.connection-timeout", 1500,
                        "spring.datasource.hikari.validation-timeout", 1000));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void outageIsA503ThenEverythingIsBackWithNothingLost() {
        String before = "before-outage-" + System.nanoTime();
        assertThat(createAccount(before).statusCode()).isEqualTo(201);
        assertThat(HttpCalls.get(node.url("/actuator/health/readiness")).statusCode()).isEqualTo(200);

        proxy.cut();
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                    HttpCalls.get(node.url("/actuator/health/readiness")).statusCode() == 503);
            HttpResponse<String> liveness = HttpCalls.get(node.url("/actuator/health/liveness"));
            assertThat(liveness.statusCode()).isEqualTo(200);

            // The admin's password is cached: authentication passes and the write itself meets the outage.
            assertUnavailableProblem(createAccount("during-outage-" + System.nanoTime()));
            // A login nobody has verified yet meets the outage in the security filter chain.
            assertUnavailableProblem(HttpCalls.get(node.url("/api/me"), before, "accepted-before-outage"));
            assertUnavailableProblem(HttpCalls.get(node.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD));
        } finally {
            proxy.restore();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                HttpCalls.get(node.url("/actuator/health/readiness")).statusCode() == 200);
        HttpResponse<String> accounts = HttpCalls.get(node.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD);
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("\"username\":\"" + before + "\"").doesNotContain("during-outage-");
        assertThat(HttpCalls.get(node.url("/api/me"), before, "accepted-before-outage").statusCode()).isEqualTo(200);
        assertThat(createAccount("after-outage-" + System.nanoTime()).statusCode()).isEqualTo(201);
    }

    private static HttpResponse<String> createAccount(String username) {
        return HttpCalls.postJson(node.url("/api/admin/accounts"), ADMIN, ADMIN_PASSWORD, """
                {"username":"%s","displayName":"Outage Witness","email":"ow@example.org",
                 "password":"accepted-before-outage","roles":["WRITER"]}""".formatted(username));
    }

    private static void assertUnavailableProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue(DatabaseOutage.RETRY_AFTER_SECONDS);
        assertThat(response.body()).contains("\"status\":503", "\"requestId\":");
        String withoutDetail = response.body().replace(DatabaseOutage.DETAIL, "");
        assertThat(INTERNALS).noneSatisfy(word -> assertThat(withoutDetail).contains(word));
    }
}
