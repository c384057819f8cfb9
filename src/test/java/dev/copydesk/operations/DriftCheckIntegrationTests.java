package dev.copydesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleStatus;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift kind the moderation tests do not reach: a scheduled article whose timer is gone (a
 * job deleted in Cockpit, a partial restore). Made through the engine's own API, seen by the check.
 */
@CopydeskIntegrationTest
class DriftCheckIntegrationTests {

    static final String SCHEDULED_WITHOUT_TIMER = "article-scheduled-without-timer";

    @Autowired DriftCheck drift;
    @Autowired ArticleDesk desk;
    @Autowired ArticleFixtures articles;
    @Autowired StaffFixtures staff;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Clock clock;

    @Test
    void aScheduledArticleWhoseTimerJobWasDeletedIsReportedAndAnIntactOneIsNot() {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        String intact = scheduled(writer, editor);
        String broken = scheduled(writer, editor);
        long before = drift.run().kinds().getOrDefault(SCHEDULED_WITHOUT_TIMER, 0L);

        management.deleteJob(timerOf(broken).getId());

        assertThat(drift.run().kinds().get(SCHEDULED_WITHOUT_TIMER)).isEqualTo(before + 1);
        assertThat(timerOf(intact)).isNotNull();
    }

    private String scheduled(Staff writer, Staff editor) {
        String id = articles.inReview(writer, "Embargoed " + UUID.randomUUID()).id();
        Instant publishAt = clock.instant().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(desk.decide(editor.member(), id, ReviewDecision.APPROVE, null, publishAt, null,
                desk.get(editor.member(), id).version()).status()).isEqualTo(ArticleStatus.SCHEDULED);
        return id;
    }

    private Job timerOf(String articleId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(articleId).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).timers().singleResult();
    }
}
