package dev.copydesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 part A, item 1: on the default H2 file database a 202 means the comment is on disk.
 * The service runs in its own JVM, is killed with SIGKILL right after the last 202, and every
 * acknowledged comment is in the database files afterwards (opened directly, as the restarted
 * service would open them).
 */
class DurableAcknowledgementTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMMENTS = 60;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCommentSurvivesSigkillRightAfterTheLast202() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        ServiceProcess service = ServiceProcess.start(dataDir.resolve("data"), "384m", List.of(),
                List.of("--camunda.bpm.job-execution.enabled=false"), dataDir.resolve("run/service.log"));
        try {
            String base = "http://127.0.0.1:" + service.port;
            for (String[] account : new String[][] {{"durable.writer", "WRITER"}, {"durable.editor", "EDITOR"}}) {
                call(base, "POST", "/api/admin/accounts", "admin:" + Benchmark.ADMIN_PASSWORD,
                        "{\"username\":\"" + account[0] + "\",\"displayName\":\"" + account[0] + "\",\"email\":\""
                                + account[0] + "@example.org\",\"password\":\"durable-staff-pw\",\"roles\":[\""
                                + account[1] + "\"]}", 201);
            }
            // every request comes from 127.0.0.1: lift the per-address flood limit, as the benchmark does
            com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode)
                    call(base, "GET", "/api/admin/moderation-settings", "admin:" + Benchmark.ADMIN_PASSWORD, null, 200);
            settings.put("commentsPerMinute", 100_000);
            call(base, "PUT", "/api/admin/moderation-settings", "admin:" + Benchmark.ADMIN_PASSWORD,
                    JSON.writeValueAsString(settings), 200);
            JsonNode article = call(base, "POST", "/api/articles", "durable.writer:durable-staff-pw",
                    "{\"title\":\"Crash-proof comments\",\"summary\":\"s\",\"body\":\"# Crash\\n\\ntext\",\"tags\":[\"tv\"]}", 201);
            String id = article.get("id").asText();
            long version = call(base, "POST", "/api/articles/" + id + "/submit", "durable.writer:durable-staff-pw", null, 200)
                    .get("version").asLong();
            call(base, "POST", "/api/articles/" + id + "/decision", "durable.editor:durable-staff-pw",
                    "{\"decision\":\"APPROVE\",\"note\":\"ok\",\"version\":" + version + "}", 200);
            String slug = article.get("slug").asText();
            for (int i = 0; i < COMMENTS; i++) {
                JsonNode posted = call(base, "POST", "/api/public/articles/" + slug + "/comments", null,
                        "{\"authorName\":\"Reader " + i + "\",\"authorEmail\":\"reader" + i
                                + "@example.org\",\"body\":\"Acknowledged comment number " + i + ", keep it.\"}", 202);
                acknowledged.add(posted.get("id").asText());
            }
            // SIGKILL right after the last 202: no shutdown hook, no close of the database
            ProcessHandle handle = ProcessHandle.of(service.pid()).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().get(30, TimeUnit.SECONDS);
        } finally {
            service.close();
        }

        String url = "jdbc:h2:file:" + dataDir.resolve("data").toAbsolutePath() + "/copydesk";
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement select = connection.prepareStatement("select id from reader_comment where id = ?")) {
            for (String commentId : acknowledged) {
                select.setString(1, commentId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        assertThat(acknowledged).hasSize(COMMENTS);
        assertThat(found).as("acknowledged comments found after SIGKILL").containsExactlyElementsOf(acknowledged);
    }

    private JsonNode call(String base, String method, String path, String credentials, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
