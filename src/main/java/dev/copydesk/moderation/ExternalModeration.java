package dev.copydesk.moderation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk.ScreeningSubject;

/**
 * Asks an external moderation endpoint about a comment: a JSON POST of {@code {commentId, articleSlug,
 * authorName, body}} (never the email), answered with {@code {"verdict": "ALLOW"|"HOLD"|"REJECT"}}.
 * A failure, an unknown answer or no answer within the timeout is FAILED, which holds the comment.
 */
@Component
class ExternalModeration {

    private static final Logger log = LoggerFactory.getLogger(ExternalModeration.class);

    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ExternalModeration(ObjectMapper json) {
        this.json = json;
    }

    Verdict ask(ModerationSettings.External endpoint, ScreeningSubject subject) {
        Duration timeout = Duration.ofMillis(endpoint.timeoutMillis());
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("commentId", subject.commentId());
            payload.put("articleSlug", subject.articleSlug());
            payload.put("authorName", subject.authorName());
            payload.put("body", subject.body());
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)))
                    .build();
            HttpResponse<byte[]> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2) {
                return new Verdict("FAILED", "endpoint answered HTTP " + response.statusCode());
            }
            JsonNode verdict = json.readTree(response.body()).path("verdict");
            String value = verdict.asText("");
            return switch (value) {
                case "ALLOW" -> new Verdict("ALLOW", null);
                case "HOLD" -> new Verdict("HOLD", "endpoint asked to hold it");
                case "REJECT" -> new Verdict("REJECT", "endpoint rejected it");
                default -> new Verdict("FAILED", "endpoint gave no known verdict");
            };
        } catch (java.util.concurrent.TimeoutException | HttpTimeoutException e) {
            return new Verdict("FAILED", "endpoint did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict("FAILED", "interrupted while asking the endpoint");
        } catch (Exception e) {
            log.warn("External moderation failed: {}", e.toString());
            return new Verdict("FAILED", "endpoint could not be asked");
        }
    }

    /** The endpoint's verdict and, unless it allowed the comment, the detail for moderators. */
    record Verdict(String verdict, String detail) {
    }
}
