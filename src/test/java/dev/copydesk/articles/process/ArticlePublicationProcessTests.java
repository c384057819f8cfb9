package dev.copydesk.articles.process;


import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleStatus;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.articles.process.ArticlePublicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The real {@code article-publication} BPMN on the real engine, driven through the module API as
 * staff would drive it; timers are fired by moving the engine clock and executing due jobs.
 */
@CopydeskIntegrationTest
class ArticlePublicationProcessTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    ArticleDesk desk;

    @Autowired
    PublishedArticles published;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    Staff writer;
    Staff editor;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        writer = staff.create(Role.WRITER);
        editor = staff.create(Role.EDITOR);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void submitStartsTheProcessWaitingInTheReviewTaskForEditors() {
        ArticleDetails article = articles.inReview(writer, "Review Me");
        ProcessInstance instance = instance(article.id());
        assertThat(instance).isWaitingAt(TASK_REVIEW_ARTICLE);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(CANDIDATE_GROUP_EDITOR);
        assertThat(instance).variables().containsEntry(VAR_ARTICLE_ID, article.id());
    }

    @Test
    void approveNowTakesTheApprovedBranchIntoTheLiveState() {
        ArticleDetails article = articles.inReview(writer, "Approve Me Now");
        ProcessInstance instance = instance(article.id());

        ArticleDetails approved = desk.decide(editor.member(), article.id(), ReviewDecision.APPROVE, null, null, null);

        assertThat(approved.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(instance).hasPassed(GATEWAY_REVIEW_DECISION, GATEWAY_PUBLISH_NOW_OR_LATER)
                .hasNotPassed(TIMER_PUBLISH_AT)
                .isWaitingAt(EVENT_REVISION_SUBMITTED, EVENT_EXPIRY_SET);
        assertThat(published.findById(article.id())).isPresent();
    }

    private ProcessInstance instance(String articleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(articleId).singleResult();
    }
}
