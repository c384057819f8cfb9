package dev.copydesk.moderation;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.copydesk.comments.CommentDesk.ScreeningSubject;
import dev.copydesk.shared.outbound.OutboundAddressPolicy.RefusedAddressException;
import dev.copydesk.shared.outbound.OutboundHttp;

/**
 * Asks an external moderation endpoint about a comment: a JSON POST of {@code {commentId, articleSlug,
 * authorName, body}} (never the email), answered with {@code {"verdict": "ALLOW"|"HOLD"|"REJECT"}}.
 * A failure, an unknown answer or no answer within the timeout is FAILED, which holds the comment.
 * The URL passes the outbound address policy again on every call, and the call goes to the address
 * that was checked. Moderators see one neutral sentence for every failure ({@link #UNREACHABLE}):
 * which failure it was (refused, timed out, an HTTP status) would make the flag a port scanner's
 * answer sheet, so the detail goes to the server log only.
 */
@Component
class ExternalModeration {

    /** The moderator-visible detail of every FAILED verdict. */
    static final String UNREACHABLE = "the external moderation service could not be reached";

    private static final Logger log = LoggerFactory.getLogger(ExternalModeration.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final OutboundHttp http;

    ExternalModeration(ObjectMapper json, OutboundHttp http) {
        this.json = json;
        this.http = http;
    }

    Verdict ask(ModerationSettings.External endpoint, ScreeningSubject subject) {
        Duration timeout = Duration.ofMillis(endpoint.timeoutMillis());
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("commentId", subject.commentId());
            payload.put("articleSlug", subject.articleSlug());
            payload.put("authorName", subject.authorName());
            payload.put("body", subject.body());
            OutboundHttp.Response response = http.post(endpoint.url(), Map.of("Content-Type", "application/json"),
                    json.writeValueAsBytes(payload), CONNECT_TIMEOUT, timeout, MAX_ANSWER_BYTES);
            if (response.status() / 100 != 2) {
                return failed("it answered HTTP " + response.status());
            }
            JsonNode verdict = json.readTree(response.body()).path("verdict");
            String value = verdict.asText("");
            return switch (value) {
                case "ALLOW" -> new Verdict("ALLOW", null);
                case "HOLD" -> new Verdict("HOLD", "endpoint asked to hold it");
                case "REJECT" -> new Verdict("REJECT", "endpoint rejected it");
                default -> failed("it gave no known verdict");
            };
        } catch (RefusedAddressException e) {
            return failed("the address policy refused its URL: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return failed("it did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            return failed(e.toString());
        }
    }

    private static Verdict failed(String detail) {
        log.warn("External moderation failed, the comment is held: {}", detail);
        return new Verdict("FAILED", UNREACHABLE);
    }

    /** The endpoint's verdict and, unless it allowed the comment, the detail for moderators. */
    record Verdict(String verdict, String detail) {
    }
}
