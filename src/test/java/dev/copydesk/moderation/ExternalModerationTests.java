package dev.copydesk.moderation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.copydesk.comments.CommentDesk.ScreeningSubject;
import dev.copydesk.shared.outbound.OutboundAddressPolicy;
import dev.copydesk.shared.outbound.OutboundHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 4: the external moderation URL passes the outbound address policy at every call,
 * and every failure reads the same to moderators, so the flag cannot serve as a port scanner.
 * The only real endpoint is on 127.0.0.1.
 */
class ExternalModerationTests {

    private static final ScreeningSubject COMMENT = new ScreeningSubject("c-1", "a-1", "budget", "Ann", "key",
            "Lovely episode", 3, null);

    private HttpServer endpoint;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/allow", exchange -> respond(exchange, 200, "{\"verdict\":\"ALLOW\"}"));
        endpoint.createContext("/reject", exchange -> respond(exchange, 200, "{\"verdict\":\"REJECT\"}"));
        endpoint.createContext("/broken", exchange -> respond(exchange, 500, "oops"));
        endpoint.createContext("/odd", exchange -> respond(exchange, 200, "{\"verdict\":\"MAYBE\"}"));
        endpoint.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{\"verdict\":\"ALLOW\"}");
        });
        endpoint.setExecutor(Executors.newCachedThreadPool());
        endpoint.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        endpoint.stop(0);
    }

    @Test
    void loopbackEndpointIsNeverCalledUnderTheDefaultPolicyAndTheModeratorSeesTheNeutralText() {
        ExternalModeration.Verdict verdict = moderation(false).ask(external("http://127.0.0.1:" + port() + "/allow"), COMMENT);

        assertThat(verdict.verdict()).isEqualTo("FAILED");
        assertThat(verdict.detail()).isEqualTo(ExternalModeration.UNREACHABLE);
        assertThat(calls).as("no request reached the endpoint").hasValue(0);
    }

    @Test
    void allowedEndpointIsAskedAndItsVerdictsCount() {
        ExternalModeration moderation = moderation(true);

        assertThat(moderation.ask(external("http://127.0.0.1:" + port() + "/allow"), COMMENT))
                .isEqualTo(new ExternalModeration.Verdict("ALLOW", null));
        assertThat(moderation.ask(external("http://127.0.0.1:" + port() + "/reject"), COMMENT).verdict())
                .isEqualTo("REJECT");
        assertThat(calls).hasValue(2);
    }

    @Test
    void everyKindOfFailureReadsTheSameToModerators() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        ExternalModeration moderation = moderation(true);

        for (String url : new String[] {"http://127.0.0.1:" + closedPort + "/", "http://127.0.0.1:" + port() + "/broken",
                "http://127.0.0.1:" + port() + "/odd", "http://127.0.0.1:" + port() + "/slow",
                "http://169.254.169.254/latest/meta-data/"}) {
            ExternalModeration.Verdict verdict = moderation.ask(external(url), COMMENT);
            assertThat(verdict.verdict()).as(url).isEqualTo("FAILED");
            assertThat(verdict.detail()).as(url).isEqualTo(ExternalModeration.UNREACHABLE)
                    .doesNotContain("refused", "500", "ms", "Connect", "127.0.0.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1:%d/allow", "http://2130706433:%d/allow", "http://[::1]:%d/allow",
            "http://[::ffff:127.0.0.1]:%d/allow", "http://localhost:%d/allow"})
    void refusedSpellingsOfThisMachineAreNeverCalled(String pattern) {
        // Only 127.0.0.1 listens here; the policy refuses these before any connection is made.
        ExternalModeration.Verdict verdict = moderation(false).ask(external(pattern.formatted(port())), COMMENT);

        assertThat(verdict).isEqualTo(new ExternalModeration.Verdict("FAILED", ExternalModeration.UNREACHABLE));
        assertThat(calls).hasValue(0);
    }

    private ExternalModeration moderation(boolean allowPrivate) {
        return new ExternalModeration(new ObjectMapper(), new OutboundHttp(new OutboundAddressPolicy(allowPrivate)));
    }

    private static ModerationSettings.External external(String url) {
        return new ModerationSettings.External(url, 300);
    }

    private int port() {
        return endpoint.getAddress().getPort();
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/slow")) {
            calls.incrementAndGet();
        }
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
