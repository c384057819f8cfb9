package dev.copydesk.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.UniqueInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any of our code runs is still a problem document. MockMvc never
 * reaches Tomcat, and {@code java.net.URI} refuses some of these forms, so each request line is
 * written raw to a socket on the real port. The configuration is the browser tests' (one context).
 */
// Boot shuts Tomcat down gracefully, which waits for the browsers' open live streams: not in tests.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ActiveProfiles("test")
@ContextConfiguration(initializers = UniqueInstance.class)
@Import({StaffFixtures.class, ArticleFixtures.class})
class TomcatRejectionsIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "GET {0} -> 400 problem")
    @ValueSource(strings = {
            "/api/public/articles/%00",
            "/api/public/articles/%5C",
            "/api/public/articles/%5c..%5c",
            "/api/public/articles/%zz",
            "/api/public/articles/%2",
            "/api/public/articles/a{b}",
            "/api/public/articles/a b",
            "/api/public/articles/%2F",
            "/api/public/articles/%C0%AF"})
    void pathTomcatOrTheFirewallRefusesThenBadRequestAsProblemDocument(String target) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 400);
    }

    @Test
    void headersOverTheLimitThenBadRequestAsProblemDocument() throws IOException {
        String big = "x".repeat(20_000);
        Answer answer = send("GET /api/public/articles HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 400);
    }

    @Test
    void invalidHeaderNameThenBadRequestAsProblemDocument() throws IOException {
        Answer answer = send("GET /api/public/articles HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(answer, 400);
    }

    @Test
    void wellFormedRequestsStillReachTheApplication() throws IOException {
        Answer list = send("GET /api/public/articles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("content-type")).startsWith("application/json");

        // an error the application answers keeps its own problem document and request id
        Answer missing = send("GET /api/public/articles/no-such-article HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Request-Id: mine-123\r\nConnection: close\r\n\r\n");
        assertProblem(missing, 404);
        assertThat(JSON.readTree(missing.body()).get("requestId").asText()).isEqualTo("mine-123");
    }

    private static void assertProblem(Answer answer, int status) throws IOException {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Exception")
                .doesNotContain("Tomcat").doesNotContain("at org.");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://copydesk.dev/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("requestId").asText()).isNotBlank();
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    all.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                // Tomcat may reset the connection after answering a refused request; what came is enough
            }
            return Answer.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    record Answer(String raw, int status, String headers, String body) {

        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String rest = split < 0 ? "" : raw.substring(split + 4);
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            return new Answer(raw, status, head, chunked ? dechunk(rest) : rest);
        }

        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int eol = chunked.indexOf("\r\n", at);
                if (eol < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
                at = eol + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
