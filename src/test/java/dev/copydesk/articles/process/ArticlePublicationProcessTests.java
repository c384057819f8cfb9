package dev.copydesk.articles.process;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleEvent;
import dev.copydesk.articles.ArticleStatus;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.PendingRevision;
import dev.copydesk.articles.PublicArticles;
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
@RecordApplicationEvents
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
    PublicArticles publicArticles;

    @Autowired
    StaffFixtures staff;

    @Autowired
    Clock clock;
    @Autowired
    dev.copydesk.shared.process.EngineClock engineClock;

    @Autowired
    ApplicationEvents events;

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
        engineClock.resume();
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

        ArticleDetails approved = decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);

        assertThat(approved.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(instance).hasPassed(GATEWAY_REVIEW_DECISION, GATEWAY_PUBLISH_NOW_OR_LATER)
                .hasNotPassed(TIMER_PUBLISH_AT)
                .isWaitingAt(EVENT_REVISION_SUBMITTED, EVENT_EXPIRY_SET);
        assertThat(published.findById(article.id())).isPresent();
    }

    @Test
    void requestChangesLoopsBackToTheWriterAndResubmissionReopensTheReviewInTheSameInstance() {
        ArticleDetails article = articles.inReview(writer, "Needs Work");
        ProcessInstance instance = instance(article.id());

        decideAsEditor(article.id(), ReviewDecision.REQUEST_CHANGES, "Add a source.", null, null);
        assertThat(instance).isWaitingAt(EVENT_WAIT_FOR_RESUBMISSION);
        assertThat(desk.get(writer.member(), article.id()).status()).isEqualTo(ArticleStatus.CHANGES_REQUESTED);

        ArticleDetails current = desk.get(writer.member(), article.id());
        desk.edit(writer.member(), article.id(), new ArticleDraft("Needs Work", "Now sourced", "Body, sourced.",
                List.of()), current.version());
        desk.submit(writer.member(), article.id());

        assertThat(instance).isWaitingAt(TASK_REVIEW_ARTICLE);
        assertThat(instance(article.id()).getId()).isEqualTo(instance.getId());
        assertThat(desk.revisions(writer.member(), article.id())).hasSize(2);
    }

    @Test
    void rejectEndsTheProcessAndTheArticleStaysUnpublished() {
        ArticleDetails article = articles.inReview(writer, "Not For Us");
        ProcessInstance instance = instance(article.id());

        decideAsEditor(article.id(), ReviewDecision.REJECT, "Off brief.", null, null);

        assertThat(instance).hasPassed(GATEWAY_REVIEW_DECISION).isEnded().hasPassed(END_EVENT_ARTICLE_REJECTED);
        assertThat(desk.get(writer.member(), article.id()).status()).isEqualTo(ArticleStatus.REJECTED);
        assertThat(published.findById(article.id())).isEmpty();
    }

    @Test
    void withdrawEndsTheReviewTaskAndResubmittingOpensANewOne() {
        ArticleDetails article = articles.inReview(writer, "Second Thoughts");
        ProcessInstance instance = instance(article.id());

        desk.withdraw(writer.member(), article.id());
        assertThat(instance).hasPassed(BOUNDARY_EVENT_REVIEW_WITHDRAWN).isWaitingAt(EVENT_WAIT_FOR_RESUBMISSION);
        assertThat(desk.get(writer.member(), article.id()).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(desk.reviews(editor.member())).noneMatch(r -> r.articleId().equals(article.id()));

        desk.submit(writer.member(), article.id());
        assertThat(instance).isWaitingAt(TASK_REVIEW_ARTICLE);
    }

    @Test
    void approveWithFuturePublishAtWaitsOnTheTimerAndPublishesWhenItFires() {
        ArticleDetails article = articles.inReview(writer, "Embargoed Until Noon");
        ProcessInstance instance = instance(article.id());
        Instant publishAt = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        ArticleDetails scheduled = decideAsEditor(article.id(), ReviewDecision.APPROVE, null,
                publishAt, null);
        assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_PUBLISH_AT);
        assertThat(timer(instance, TIMER_PUBLISH_AT).getDuedate().toInstant()).isEqualTo(publishAt);
        assertThat(published.findById(article.id())).isEmpty();

        fire(instance, TIMER_PUBLISH_AT);

        assertThat(instance).hasPassed(TASK_PUBLISH_ARTICLE).isWaitingAt(EVENT_REVISION_SUBMITTED, EVENT_EXPIRY_SET);
        ArticleDetails live = desk.get(editor.member(), article.id());
        assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(live.publishedAt()).isAfterOrEqualTo(publishAt);
        assertThat(published.findById(article.id())).isPresent();
    }

    @Test
    void unpublishingAScheduledArticleCancelsItsTimer() {
        ArticleDetails article = articles.inReview(writer, "Cancelled Feature");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null,
                clock.instant().plus(Duration.ofDays(1)), null);

        desk.unpublish(editor.member(), article.id(), "Story fell through.");

        assertThat(instance).hasPassed(EVENT_SCHEDULE_CANCELLED).isEnded().hasPassed(END_EVENT_SCHEDULE_CANCELLED);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(desk.get(editor.member(), article.id()).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
    }

    @Test
    void unpublishAtTimerTakesTheLiveArticleDownByItself() {
        ArticleDetails article = articles.inReview(writer, "Licence Runs Out");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null,
                clock.instant().plus(Duration.ofDays(7)));
        assertThat(instance).isWaitingAt(GATEWAY_WAIT_FOR_EXPIRY, EVENT_REVISION_SUBMITTED);

        fire(instance, TIMER_UNPUBLISH_AT);

        assertThat(instance).hasPassed(TASK_UNPUBLISH_EXPIRED_ARTICLE).isEnded().hasPassed(END_EVENT_ARTICLE_EXPIRED);
        assertThat(desk.get(editor.member(), article.id()).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(published.findById(article.id())).isEmpty();
    }

    @Test
    void expiryCanBeSetMovedAndClearedWhileTheArticleIsLive() {
        ArticleDetails article = articles.inReview(writer, "Moving Target");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        assertThat(instance).isWaitingAt(EVENT_EXPIRY_SET);

        Instant first = clock.instant().plus(Duration.ofDays(2));
        desk.changeExpiry(editor.member(), article.id(), first);
        assertThat(timer(instance, TIMER_UNPUBLISH_AT).getDuedate().toInstant()).isEqualTo(first);

        Instant moved = clock.instant().plus(Duration.ofDays(5));
        desk.changeExpiry(editor.member(), article.id(), moved);
        assertThat(timer(instance, TIMER_UNPUBLISH_AT).getDuedate().toInstant()).isEqualTo(moved);

        desk.changeExpiry(editor.member(), article.id(), null);
        assertThat(instance).isWaitingAt(EVENT_EXPIRY_SET);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(TIMER_UNPUBLISH_AT)
                .count()).isZero();
        assertThat(desk.get(editor.member(), article.id()).unpublishAt()).isNull();
    }

    @Test
    void unpublishingALiveArticleEndsTheProcess() {
        ArticleDetails article = articles.inReview(writer, "Taken Down");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);

        desk.unpublish(editor.member(), article.id(), "Legal asked.");

        assertThat(instance).hasPassed(BOUNDARY_EVENT_UNPUBLISH_REQUESTED).isEnded()
                .hasPassed(END_EVENT_ARTICLE_UNPUBLISHED);
        assertThat(published.findById(article.id())).isEmpty();
    }

    @Test
    void reviewSlaMarksTheReviewOverdueRaisesAnEventAndCancelsNothing() {
        ArticleDetails article = articles.inReview(writer, "Slow Desk");
        ProcessInstance instance = instance(article.id());
        events.clear();

        fire(instance, TIMER_REVIEW_SLA);

        assertThat(instance).hasPassed(TASK_MARK_REVIEW_OVERDUE).isWaitingAt(TASK_REVIEW_ARTICLE);
        ArticleDetails overdue = desk.get(editor.member(), article.id());
        assertThat(overdue.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(overdue.pendingReview().overdue()).isTrue();
        assertThat(desk.reviews(editor.member())).filteredOn(r -> r.articleId().equals(article.id()))
                .singleElement().satisfies(r -> assertThat(r.overdue()).isTrue());
        assertThat(events.stream(ArticleEvent.ArticleReviewOverdue.class))
                .anyMatch(e -> e.articleId().equals(article.id()) && e.type().equals("article.review_overdue"));

        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        assertThat(instance).isWaitingAt(EVENT_REVISION_SUBMITTED);
    }

    @Test
    void reviewSlaDefaultsToTwentyFourHours() {
        engineClock.stopAt(Instant.parse("2030-01-01T08:00:00Z"));
        ArticleDetails article = articles.inReview(writer, "Clockwork");
        Job sla = timer(instance(article.id()), TIMER_REVIEW_SLA);
        assertThat(Duration.between(article.pendingReview().submittedAt(), sla.getDuedate().toInstant()))
                .isEqualTo(Duration.ofHours(24));
        assertThat(article.pendingReview().dueAt()).isEqualTo(sla.getDuedate().toInstant());
        assertThat(BpmnAwareTests.task(instance(article.id())).getDueDate())
                .as("the review task's due date, which Tasklist, Cockpit and the overdue gauge read, is the SLA's")
                .isEqualTo(sla.getDuedate());
    }

    @Test
    void aRevisionReviewTaskIsDueWhenItsSlaTimerFires() {
        ArticleDetails article = articles.inReview(writer, "Due Revision");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        ArticleDetails live = desk.get(writer.member(), article.id());
        desk.edit(writer.member(), article.id(), new ArticleDraft("Due Revision", "Updated", "New text.",
                List.of()), live.version());
        engineClock.stopAt(Instant.parse("2030-02-01T08:00:00Z"));
        desk.submit(writer.member(), article.id());

        assertThat(instance).isWaitingAt(TASK_REVIEW_REVISION);
        assertThat(BpmnAwareTests.task(instance).getDueDate())
                .isEqualTo(timer(instance, TIMER_REVISION_REVIEW_SLA).getDuedate());
    }

    @Test
    void editingALiveArticleGoesThroughReviewWhileThePublicKeepsTheLiveText() {
        ArticleDetails article = articles.inReview(writer, "Living Story");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        ArticleDetails live = desk.get(writer.member(), article.id());

        desk.edit(writer.member(), article.id(), new ArticleDraft("Living Story", "Updated", "New **text**.",
                List.of("update")), live.version());
        desk.submit(writer.member(), article.id());
        assertThat(instance).isWaitingAt(TASK_REVIEW_REVISION);
        assertThat(publicBody(article)).doesNotContain("New");

        decideAsEditor(article.id(), ReviewDecision.REQUEST_CHANGES, "Cite it.", null, null);
        assertThat(instance).isWaitingAt(EVENT_REVISION_SUBMITTED);
        assertThat(desk.get(writer.member(), article.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);

        desk.submit(writer.member(), article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        assertThat(instance).isWaitingAt(EVENT_REVISION_SUBMITTED);
        assertThat(publicBody(article)).contains("New <strong>text</strong>.");
        assertThat(desk.get(writer.member(), article.id()).pendingRevision()).isNull();
    }

    @Test
    void rejectingARevisionOfALiveArticleKeepsTheLiveTextAndTheProcessLive() {
        ArticleDetails article = articles.inReview(writer, "Keep Me");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        ArticleDetails live = desk.get(writer.member(), article.id());
        desk.edit(writer.member(), article.id(), new ArticleDraft("Keep Me", "x", "Worse text.", List.of()),
                live.version());
        desk.submit(writer.member(), article.id());

        decideAsEditor(article.id(), ReviewDecision.REJECT, "No.", null, null);

        assertThat(instance).isWaitingAt(EVENT_REVISION_SUBMITTED);
        assertThat(publicBody(article)).doesNotContain("Worse");
        ArticleDetails after = desk.get(writer.member(), article.id());
        assertThat(after.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(after.body()).doesNotContain("Worse");
    }

    @Test
    void withdrawingARevisionOfALiveArticleReturnsItToTheWriter() {
        ArticleDetails article = articles.inReview(writer, "Draft Of A Revision");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        ArticleDetails live = desk.get(writer.member(), article.id());
        desk.edit(writer.member(), article.id(), new ArticleDraft("Draft Of A Revision", "x", "Later.", List.of()),
                live.version());
        desk.submit(writer.member(), article.id());

        desk.withdraw(writer.member(), article.id());

        assertThat(instance).hasPassed(BOUNDARY_EVENT_REVISION_WITHDRAWN).isWaitingAt(EVENT_REVISION_SUBMITTED);
        assertThat(desk.get(writer.member(), article.id()).pendingRevision()).isEqualTo(PendingRevision.DRAFT);
    }

    @Test
    void unpublishingWhileARevisionIsInReviewCancelsThatReview() {
        ArticleDetails article = articles.inReview(writer, "Down Mid Review");
        ProcessInstance instance = instance(article.id());
        decideAsEditor(article.id(), ReviewDecision.APPROVE, null, null, null);
        ArticleDetails live = desk.get(writer.member(), article.id());
        desk.edit(writer.member(), article.id(), new ArticleDraft("Down Mid Review", "x", "y", List.of()),
                live.version());
        desk.submit(writer.member(), article.id());

        desk.unpublish(editor.member(), article.id(), null);

        assertThat(instance).isEnded().hasPassed(END_EVENT_ARTICLE_UNPUBLISHED);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private String publicBody(ArticleDetails article) {
        return publicArticles.read(article.slug()).bodyHtml();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    /** Moves the engine clock to just past the timer's due date and runs it, as the job executor would. */
    private void fire(ProcessInstance instance, String activityId) {
        Job job = timer(instance, activityId);
        assertThat(job).as("timer %s", activityId).isNotNull();
        engineClock.stopAt(job.getDuedate().toInstant().plusSeconds(1));
        management.executeJob(job.getId());
    }

    private ProcessInstance instance(String articleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(articleId).singleResult();
    }

    /** The editor decides on what they just read: the article's current version. */
    private ArticleDetails decideAsEditor(String id, ReviewDecision decision, String note, Instant publishAt,
            Instant unpublishAt) {
        return desk.decide(editor.member(), id, decision, note, publishAt, unpublishAt,
                desk.get(editor.member(), id).version());
    }
}
