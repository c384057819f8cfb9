package dev.copydesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 that answers 200 and keeps every delivery it got: the event id
 * and type from the headers and the {@code data} of the body. Redeliveries are kept too, so a test
 * can tell a duplicate (same event id) from a second event about the same thing.
 */
final class EventReceiver implements AutoCloseable {

    record Received(String eventId, String type, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();

    EventReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode envelope = JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                synchronized (received) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Copydesk-Event-Id"),
                            exchange.getRequestHeaders().getFirst("Copydesk-Event-Type"), envelope.get("data")));
                }
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** For each value of {@code field} in events of {@code type}: the distinct event ids that carried it. */
    Map<String, Set<String>> eventIdsBy(String type, String field) {
        Map<String, Set<String>> ids = new TreeMap<>();
        synchronized (received) {
            for (Received r : received) {
                if (type.equals(r.type()) && r.data() != null && r.data().hasNonNull(field)) {
                    ids.computeIfAbsent(r.data().get(field).asText(), k -> new TreeSet<>()).add(r.eventId());
                }
            }
        }
        return ids;
    }

    /** How many deliveries arrived, redeliveries included. */
    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
