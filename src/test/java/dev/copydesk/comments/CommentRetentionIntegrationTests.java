package dev.copydesk.comments;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.operations.PrivateDataEraser;
import dev.copydesk.operations.QueueDepthSource;
import dev.copydesk.operations.WorkflowMetrics;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Retention of readers' private data, queue depths and screening metrics, through the real stack. */
@CopydeskIntegrationTest
class CommentRetentionIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ArticleFixtures articles;
    @Autowired
    PrivateDataEraser eraser;
    @Autowired
    QueueDepthSource queues;
    @Autowired
    MeterRegistry meters;

    @Test
    void privateDataOlderThanTheCutoffIsErasedAndTheCommentStays() throws Exception {
        PublishedArticle article = articles.publishedArticle("Retention " + System.nanoTime());
        var moderator = staff.create(Role.MODERATOR);
        String email = CommentClient.newEmail();
        String id = new CommentClient(mvc).comment(article.slug(), email, "Kept, without my address.");
        mvc.perform(get("/api/moderation/queue?queue=pending&limit=100").with(moderator.login()))
                .andExpect(jsonPath("$.items[?(@.commentId == '" + id + "')].authorEmail", hasItem(email)));
        assertThat(queues.queueDepths().get("pending")).isPositive();

        assertThat(eraser.eraseCreatedBefore(Instant.now().plus(Duration.ofMinutes(1)))).isPositive();
        assertThat(eraser.eraseCreatedBefore(Instant.now().plus(Duration.ofMinutes(1))))
                .as("idempotent: a second run changes nothing").isZero();

        mvc.perform(get("/api/moderation/queue?queue=pending&limit=100").with(moderator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.commentId == '" + id + "')].authorEmail", hasItem("")))
                .andExpect(jsonPath("$.items[?(@.commentId == '" + id + "')].body", hasItem("Kept, without my address.")));
    }

    @Test
    void screeningOutcomesAreCountedByReason() throws Exception {
        PublishedArticle article = articles.publishedArticle("Metrics " + System.nanoTime());
        double before = count("HELD", "FIRST_COMMENT");
        new CommentClient(mvc).comment(article.slug(), CommentClient.newEmail(), "My first comment here.");
        assertThat(count("HELD", "FIRST_COMMENT")).isEqualTo(before + 1);
    }

    private double count(String outcome, String reason) {
        var counter = meters.find(WorkflowMetrics.SCREENING_OUTCOMES).tags("outcome", outcome, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
