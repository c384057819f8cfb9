package dev.copydesk.notifications;

import javax.sql.DataSource;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.EventsHandedOn;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/** The live streams over a real port with a real HTTP client: replay after reconnecting, heartbeats, public view. */
@NotificationsIntegrationTest
class LiveEventStreamIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ArticleFixtures articles;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DataSource dataSource;

    Newsroom newsroom;

    @BeforeEach
    void setUp() {
        newsroom = new Newsroom(transactions, publisher, dataSource);
    }

    @Test
    void clientThatReconnectsWithLastEventIdReceivesExactlyTheEventsItMissed() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        String run = "run-" + System.nanoTime();

        String lastSeen;
        try (SseClient first = connect(editor, null)) {
            assertThat(first.status).isEqualTo(200);
            first.awaitComment("connected");
            newsroom.commit(submitted(run, 1), submitted(run, 2));
            List<SseClient.Event> seen = first.awaitEvent(e -> e.data().contains(run + "-2"));
            assertThat(seen).extracting(SseClient.Event::name).containsExactly("article.submitted", "article.submitted");
            assertThat(Long.parseLong(seen.get(1).id())).isGreaterThan(Long.parseLong(seen.get(0).id()));
            lastSeen = seen.get(1).id();
        }

        newsroom.commit(submitted(run, 3));
        newsroom.commit(submitted(run, 4));

        try (SseClient again = connect(editor, lastSeen)) {
            List<SseClient.Event> replayed = again.awaitEvent(e -> e.data().contains(run + "-4"));
            assertThat(replayed).extracting(SseClient.Event::data)
                    .filteredOn(d -> d.contains(run))
                    .hasSize(2)
                    .satisfiesExactly(d -> assertThat(d).contains(run + "-3"), d -> assertThat(d).contains(run + "-4"));
            newsroom.commit(submitted(run, 5));
            assertThat(again.awaitEvent(e -> e.data().contains(run + "-5"))).as("live again after the replay")
                    .filteredOn(e -> e.data().contains(run)).hasSize(3);
        }
    }

    @Test
    void idleStreamGetsHeartbeatComments() throws Exception {
        String slug = articles.publishedArticle("Quiet news " + System.nanoTime()).slug();
        try (SseClient client = SseClient.connect(url("/api/public/events?article=" + slug), null, null, null)) {
            client.awaitComment("heartbeat");
            assertThat(client.comments()).contains("connected", "heartbeat");
        }
    }

    @Test
    void publicStreamShowsOnlyThatArticlesPublicationAndApprovedCommentsWithPublicFields() throws Exception {
        // Public streams open for live articles only (issue 12).
        PublishedArticle live = articles.publishedArticle("Public stream " + System.nanoTime());
        String slug = live.slug();
        // The fixture's own publication is streamed before this reader connects.
        EventsHandedOn.await(dataSource);
        try (SseClient reader = SseClient.connect(url("/api/public/events?article=" + slug), null, null, null)) {
            reader.awaitComment("connected");
            newsroom.commit(
                    TestEvent.of("article.submitted", "slug", slug, "title", "Draft", "authorId", "w-secret"),
                    TestEvent.of("article.published", "slug", "another-" + slug, "title", "Other"),
                    TestEvent.of("article.published", "articleId", "a-9", "slug", slug, "title", "Live now",
                            "authorId", "w-secret", "note", "internal note"),
                    TestEvent.of("comment.held", "commentId", "c-held", "articleSlug", slug),
                    TestEvent.of("comment.approved", "commentId", "c-ok", "articleSlug", slug, "authorName", "Ann",
                            "body", "Well said", "authorEmail", "ann@example.net"),
                    TestEvent.of("comment.approved", "commentId", "c-last", "articleSlug", slug, "authorName", "Bo"));

            List<SseClient.Event> events = reader.awaitEvent(e -> e.data().contains("c-last"));
            assertThat(events).extracting(SseClient.Event::name)
                    .containsExactly("article.published", "comment.approved", "comment.approved");
            assertThat(events.get(0).data()).contains("Live now").doesNotContain("w-secret").doesNotContain("internal note");
            assertThat(events.get(1).data()).contains("Well said").contains("Ann").doesNotContain("ann@example.net");
        }
    }

    private SseClient connect(Staff who, String lastEventId) throws Exception {
        return SseClient.connect(url("/api/events"), who.member().username(), StaffFixtures.PASSWORD, lastEventId);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static TestEvent submitted(String run, int n) {
        return TestEvent.of("article.submitted", "articleId", run + "-" + n, "title", "Story " + n, "authorId", "w-x");
    }
}
