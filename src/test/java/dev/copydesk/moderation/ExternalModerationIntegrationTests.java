package dev.copydesk.moderation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentIntake;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.comments.IntakeAnswer;
import dev.copydesk.comments.NewComment;
import dev.copydesk.moderation.process.CommentModerationProcess;
import dev.copydesk.notifications.NotificationsIntegrationTest;
import dev.copydesk.support.ArticleFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The external moderation endpoint in the real comment-moderation process, against a real endpoint
 * on 127.0.0.1. It runs in the notification tests' context, whose outbound policy allows loopback
 * (the default policy refuses it: {@link ExternalModerationAddressIntegrationTests}). A failure or a
 * slow answer holds the comment, never approves it, and reads the same to moderators.
 */
@NotificationsIntegrationTest
class ExternalModerationIntegrationTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired CommentIntake intake;
    @Autowired CommentDesk comments;
    @Autowired ModerationDecisions decisions;
    @Autowired ModerationSettingsStore settings;
    @Autowired ArticleFixtures articles;

    PublishedArticle article;
    HttpServer external;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws IOException {
        BpmnAwareTests.init(engine);
        article = articles.publishedArticle("External moderation " + UUID.randomUUID());
        external = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        external.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{\"verdict\":\"ALLOW\"}");
        });
        external.createContext("/broken", exchange -> respond(exchange, 500, "oops"));
        external.createContext("/reject", exchange -> respond(exchange, 200, "{\"verdict\":\"REJECT\"}"));
        external.createContext("/allow", exchange -> respond(exchange, 200, "{\"verdict\":\"ALLOW\"}"));
        external.setExecutor(Executors.newCachedThreadPool());
        external.start();
    }

    @AfterEach
    void tearDown() {
        settings.replace(ModerationSettings.defaults(), "test");
        release.countDown();
        external.stop(0);
    }

    @Test
    void externalModerationFailureOrSlownessHoldsTheCommentNeverApprovesIt() {
        String author = trustedAuthor();

        useExternal("/slow");
        IntakeAnswer slow = post(author, "Loved it, slow answer");
        useExternal("/broken");
        IntakeAnswer broken = post(author, "Loved it, broken answer");
        useExternal("/reject");
        IntakeAnswer rejected = post(author, "Loved it, rejected answer");
        useExternal("/allow");
        IntakeAnswer allowed = post(author, "Loved it, allowed answer");

        assertThat(slow.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(broken.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(broken.reasons()).containsExactly("EXTERNAL");
        // Issue 12: a timeout and an HTTP 500 read the same, so the flag reveals nothing about the target.
        for (IntakeAnswer held : new IntakeAnswer[] {slow, broken}) {
            assertThat(comments.find(held.id()).orElseThrow().reasons()).singleElement()
                    .satisfies(r -> assertThat(r.detail()).isEqualTo(ExternalModeration.UNREACHABLE));
        }
        assertThat(rejected.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(allowed.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CommentModerationProcess.PROCESS_ID)
                .processInstanceBusinessKey(slow.id()).singleResult())
                .isWaitingAt(CommentModerationProcess.TASK_MODERATE_COMMENT);
    }

    private void useExternal(String path) {
        ModerationSettings d = ModerationSettings.defaults();
        settings.replace(new ModerationSettings(d.bannedWords(), d.suspectWords(), d.maxLinks(), d.premoderation(),
                d.trustAfterApproved(), d.flagThreshold(), 100, d.queueSla(), d.rules(), d.shoutingMinLetters(),
                new ModerationSettings.External("http://127.0.0.1:" + external.getAddress().getPort() + path, 300)),
                "test");
    }

    private IntakeAnswer post(String email, String body) {
        return intake.submit(article.slug(), new NewComment("Reader", email, body, null, false),
                "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250), null);
    }

    /** An author with one approved comment: trusted under the default settings. */
    private String trustedAuthor() {
        String email = "reader-" + UUID.randomUUID() + "@example.org";
        IntakeAnswer first = post(email, "My very first comment " + UUID.randomUUID());
        decisions.decide(first.id(), Decision.APPROVE, null, "moderator-0");
        return email;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
