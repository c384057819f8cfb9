package dev.copydesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A newsroom's HTTP client for the tests that drive the service in its own JVM
 * ({@link ServiceProcess}): staff accounts, a published article, readers' comments and decisions,
 * all through the public API on 127.0.0.1.
 */
final class Desk {

    static final String STAFF_PASSWORD = "desk-staff-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Desk(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One request; {@code user} null is anonymous, {@code admin} the bootstrap account. */
    HttpResponse<String> send(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String password = user.equals("admin") ? Benchmark.ADMIN_PASSWORD : STAFF_PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode call(String method, String path, String user, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, user, body);
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", not " + expected
                    + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    void staff(String username, String role) throws Exception {
        call("POST", "/api/admin/accounts", "admin", Map.of("username", username, "displayName", username,
                "email", username + "@example.org", "password", STAFF_PASSWORD, "roles", List.of(role)), 201);
    }

    /** Every test request comes from 127.0.0.1: lift the per-address flood limit, as the benchmark does. */
    void liftFloodLimit() throws Exception {
        ObjectNode settings = (ObjectNode) call("GET", "/api/admin/moderation-settings", "admin", null, 200);
        settings.put("commentsPerMinute", 100_000);
        call("PUT", "/api/admin/moderation-settings", "admin", settings, 200);
    }

    /** Writes, submits and has approved (so published) an article; returns its id and slug. */
    JsonNode publishedArticle(String writer, String editor, String title) throws Exception {
        JsonNode article = submittedArticle(writer, title);
        call("POST", "/api/articles/" + article.get("id").asText() + "/decision", editor,
                Map.of("decision", "APPROVE", "note", "ok", "version", article.get("version").asLong()), 200);
        return article;
    }

    /** A written and submitted article, waiting for an editor: its id, slug and version. */
    JsonNode submittedArticle(String writer, String title) throws Exception {
        JsonNode article = call("POST", "/api/articles", writer, Map.of("title", title, "summary", "s",
                "body", "# " + title + "\n\ntext", "tags", List.of("tv")), 201);
        return call("POST", "/api/articles/" + article.get("id").asText() + "/submit", writer, null, 200);
    }

    /** A comment from a first-time commenter, so it is held for a moderator; returns its id. */
    String heldComment(String slug, int reader) throws Exception {
        return heldComment(slug, Integer.toString(reader));
    }

    /** A comment from the first-time commenter {@code reader} (letters, digits, spaces, dashes). */
    String heldComment(String slug, String reader) throws Exception {
        HttpResponse<String> answer = postComment(slug, reader);
        if (answer.statusCode() != 202) {
            throw new AssertionError("A comment answered " + answer.statusCode() + ", not 202: " + answer.body());
        }
        JsonNode posted = JSON.readTree(answer.body());
        if (!"PENDING".equals(posted.get("status").asText())) {
            throw new AssertionError("Expected a held comment, got " + posted);
        }
        return posted.get("id").asText();
    }

    /** Posts the first comment of reader {@code reader}, whatever the answer. */
    HttpResponse<String> postComment(String slug, String reader) throws Exception {
        return send("POST", "/api/public/articles/" + slug + "/comments", null, Map.of(
                "authorName", "Reader " + reader,
                "authorEmail", "reader" + reader.replaceAll("[^A-Za-z0-9-]", ".") + "@example.org",
                "body", "First comment from reader " + reader + ": more romance, please."));
    }

    /** The {@code id} of a JSON answer. */
    static String id(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).get("id").asText();
    }

    HttpResponse<String> approve(String moderator, String commentId) throws Exception {
        return send("POST", "/api/moderation/comments/" + commentId + "/decision", moderator,
                Map.of("decision", "APPROVE", "reason", "OTHER"));
    }

    /** Registers a webhook for {@code events} at {@code url}; returns its id. */
    String webhook(String url, List<String> events) throws Exception {
        return call("POST", "/api/admin/webhooks", "admin", Map.of("url", url, "secret", "desk-webhook-secret",
                "events", events), 201).get("id").asText();
    }
}
