package dev.copydesk.shared.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.copydesk.shared.outbound.OutboundAddressPolicy.RefusedAddressException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pinned client against a real receiver on 127.0.0.1 (the only address these tests ever connect to). */
class OutboundHttpTests {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private HttpServer receiver;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", exchange -> {
            record(exchange);
            respond(exchange, 200, "{\"verdict\":\"ALLOW\"}", false);
        });
        receiver.createContext("/chunked", exchange -> {
            record(exchange);
            respond(exchange, 201, "x".repeat(20_000), true);
        });
        receiver.createContext("/hang", exchange -> {
            record(exchange);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "late", false);
        });
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
    }

    @Test
    void callGoesToTheAddressCheckedOnceWithTheUrlsHostInTheHostHeader() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // The second answer would be a rebinding to somewhere else: the client must never ask again.
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy(true, host -> {
            if (lookups.incrementAndGet() > 1) {
                throw new UnknownHostException("asked twice");
            }
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        }));

        OutboundHttp.Response response = http.post("http://receiver.test:" + port() + "/ok",
                Map.of("Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), SECOND,
                SECOND, 1024);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"verdict\":\"ALLOW\"}");
        assertThat(lookups).hasValue(1);
        assertThat(hostHeaders).containsExactly("receiver.test:" + port());
        assertThat(bodies).containsExactly("{\"a\":1}");
    }

    @Test
    void refusedUrlIsNeverConnectedTo() {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy(false));

        assertThatThrownBy(() -> http.post("http://127.0.0.1:" + port() + "/ok", Map.of(), new byte[0], SECOND,
                SECOND, 1024)).isInstanceOf(RefusedAddressException.class);
        assertThat(hostHeaders).isEmpty();
    }

    @Test
    void chunkedBodyIsReadUpToItsLimit() throws Exception {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy(true));

        OutboundHttp.Response response = http.post("http://127.0.0.1:" + port() + "/chunked", Map.of(), new byte[0],
                SECOND, SECOND, 64 * 1024);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).hasSize(20_000);

        assertThatThrownBy(() -> http.post("http://127.0.0.1:" + port() + "/chunked", Map.of(), new byte[0], SECOND,
                SECOND, 1000)).isInstanceOf(IOException.class).hasMessageContaining("larger than");
    }

    @Test
    void silentReceiverTimesOutWithinTheDeadline() {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy(true));
        long started = System.nanoTime();

        assertThatThrownBy(() -> http.post("http://127.0.0.1:" + port() + "/hang", Map.of(), new byte[0], SECOND,
                Duration.ofMillis(300), 1024)).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void headerWithALineBreakIsNeverSent() {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy(true));

        assertThatThrownBy(() -> http.post("http://127.0.0.1:" + port() + "/ok", Map.of("X-Evil", "a\r\nHost: b"),
                new byte[0], SECOND, SECOND, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hostHeaders).isEmpty();
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private void record(HttpExchange exchange) throws IOException {
        hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
