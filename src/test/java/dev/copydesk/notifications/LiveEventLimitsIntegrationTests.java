package dev.copydesk.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 7, over a real port: idle anonymous streams can no longer take every stream. All
 * test traffic comes from 127.0.0.1, which is one client here (no forwarded headers in this
 * context), so the per-client cap (4 by default) is what the fifth public stream meets.
 */
@NotificationsIntegrationTest
class LiveEventLimitsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ArticleFixtures articles;
    @Autowired
    LiveEvents live;

    private final List<SseClient> open = new ArrayList<>();

    @BeforeEach
    void noStreamsLeftOverFromOtherTests() {
        // Streams other tests closed are forgotten at the next heartbeat (1 s in this context).
        awaitPublicStreams(0);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
    }

    @Test
    void publicStreamOfAnUnknownArticleIs404() throws Exception {
        HttpResponse<String> unknown = call("/api/public/events?article=no-such-article-" + System.nanoTime());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(live.subscriberCount(LiveEvents.Budget.PUBLIC)).isZero();
    }

    @Test
    void publicStreamOfALiveArticleOpens() throws Exception {
        String slug = articles.publishedArticle("Live stream " + System.nanoTime()).slug();

        SseClient reader = stream("/api/public/events?article=" + slug);

        assertThat(reader.status).isEqualTo(200);
        reader.awaitComment("connected");
    }

    @Test
    void fifthPublicStreamFromOneClientIs429WhileAStaffStreamStillOpens() throws Exception {
        String slug = articles.publishedArticle("Busy story " + System.nanoTime()).slug();
        for (int i = 0; i < 4; i++) {
            assertThat(stream("/api/public/events?article=" + slug).status).isEqualTo(200);
        }

        HttpResponse<String> fifth = call("/api/public/events?article=" + slug);

        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(fifth.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Staff editor = staff.create(Role.EDITOR);
        SseClient desk = stream("/api/events", editor);
        assertThat(desk.status).as("staff streams have a budget of their own").isEqualTo(200);
        desk.awaitComment("connected");
    }

    @Test
    void closedPublicStreamFreesItsPlaceForTheSameClient() throws Exception {
        String slug = articles.publishedArticle("Returning reader " + System.nanoTime()).slug();
        for (int i = 0; i < 4; i++) {
            stream("/api/public/events?article=" + slug);
        }
        assertThat(call("/api/public/events?article=" + slug).statusCode()).isEqualTo(429);

        open.remove(0).close();
        awaitPublicStreams(3);

        assertThat(stream("/api/public/events?article=" + slug).status).isEqualTo(200);
    }

    private SseClient stream(String path) throws Exception {
        return stream(path, null);
    }

    private SseClient stream(String path, Staff who) throws Exception {
        SseClient client = SseClient.connect("http://127.0.0.1:" + port + path,
                who == null ? null : who.member().username(), who == null ? null : StaffFixtures.PASSWORD, null);
        open.add(client);
        return client;
    }

    /** A request that is answered at once (an error), read as text. */
    private HttpResponse<String> call(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitPublicStreams(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> live.subscriberCount(LiveEvents.Budget.PUBLIC) <= count);
    }
}
