package dev.copydesk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default set-up: H2 in files under the data directory, served on a real port. Data written
 * before a restart is there after it; the admin is bootstrapped once; the engine's web apps are
 * for administrators only and log them in with their Copydesk account.
 */
class RestartIntegrationTests {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @TempDir
    Path dataDir;

    @Test
    void accountsAndEngineStateSurviveARestartOnTheFileDatabase() throws Exception {
        String editorId;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            assertThat(get(port, "/actuator/health", null).body()).contains("\"UP\"");
            HttpResponse<String> created = send(port, "POST", "/api/admin/accounts", auth("admin", "restart-admin-pw"), """
                    {"username":"night.editor","displayName":"Night Editor","email":"night@example.org",
                     "password":"stays-after-restart","roles":["EDITOR"]}""");
            assertThat(created.statusCode()).isEqualTo(201);
            editorId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

            assertThat(get(port, "/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/camunda/app/cockpit/default/", auth("night.editor", "stays-after-restart")).statusCode())
                    .isEqualTo(403);
            // single sign-on: opening Cockpit as an ADMIN logs the same user in to the engine's web apps
            assertThat(get(port, "/camunda/app/cockpit/default/", auth("admin", "restart-admin-pw")).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> engineUser = get(port, "/camunda/api/admin/auth/user/default", auth("admin", "restart-admin-pw"));
            assertThat(engineUser.statusCode()).isEqualTo(200);
            assertThat(engineUser.body()).contains("\"userId\":\"admin\"");
        }
        assertThat(Files.list(dataDir).map(Path::getFileName).map(Path::toString)).anyMatch(n -> n.endsWith(".mv.db"));

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            HttpResponse<String> me = get(port, "/api/me", auth("night.editor", "stays-after-restart"));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains(editorId).contains("EDITOR");
            // the bootstrap ran once: the admin password is still the first one
            assertThat(get(port, "/api/me", auth("admin", "restart-admin-pw")).statusCode()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CopydeskApplication.class).run(
                "--server.port=0",
                "--copydesk.data-dir=" + dataDir.toAbsolutePath(),
                "--copydesk.admin-password=restart-admin-pw",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        return send(port, "GET", path, authorization, null);
    }

    private HttpResponse<String> send(int port, String method, String path, String authorization, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
