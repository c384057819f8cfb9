package dev.copydesk.moderation.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentEvents.CommentApproved;
import dev.copydesk.comments.CommentEvents.CommentHeld;
import dev.copydesk.comments.CommentEvents.CommentQueueOverdue;
import dev.copydesk.shared.CopydeskEvent;
import dev.copydesk.comments.CommentFlags;
import dev.copydesk.comments.CommentIntake;
import dev.copydesk.comments.CommentQueue;
import dev.copydesk.comments.CommentStatus;
import dev.copydesk.comments.FlagReason;
import dev.copydesk.comments.IntakeAnswer;
import dev.copydesk.comments.NewComment;
import dev.copydesk.moderation.Bans;
import dev.copydesk.moderation.Decision;
import dev.copydesk.moderation.ModerationDecisions;
import dev.copydesk.moderation.ModerationSettings;
import dev.copydesk.moderation.ModerationSettingsStore;
import dev.copydesk.moderation.ScreeningCode;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static dev.copydesk.moderation.process.CommentModerationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The real {@code comment-moderation} BPMN and {@code comment-screening} DMN on the real engine, one
 * test per outcome and branch, driven through the modules' APIs; the queue SLA timer is fired by
 * moving the engine clock and executing the due job.
 */
@CopydeskIntegrationTest
@RecordApplicationEvents
class CommentModerationProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired dev.copydesk.shared.process.EngineClock engineClock;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired CommentIntake intake;
    @Autowired CommentDesk comments;
    @Autowired CommentFlags flags;
    @Autowired ModerationDecisions decisions;
    @Autowired ModerationSettingsStore settings;
    @Autowired Bans bans;
    @Autowired ArticleFixtures articles;
    @Autowired ArticleDesk articleDesk;
    @Autowired StaffFixtures staff;
    @Autowired ApplicationEvents events;

    PublishedArticle article;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        article = articles.publishedArticle("Spoilers: more romance ahead for two detectives " + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() {
        engineClock.resume();
        settings.replace(ModerationSettings.defaults(), "test");
    }

    @Test
    void cleanCommentOfTrustedAuthorIsApprovedAndTheProcessEnds() {
        String author = trustedAuthor();
        IntakeAnswer answer = post(author, "The slow burn between the two detectives is the best part.");

        assertThat(answer.status()).isEqualTo(CommentStatus.APPROVED);
        // service tasks and gateways leave no activity instance in history (CommentModerationHistory);
        // what they did is on the comment, and the end event says which way the instance went
        assertThat(passed(answer.id())).containsExactlyInAnyOrder(START_EVENT_COMMENT_RECEIVED, END_EVENT_COMMENT_APPROVED);
        assertThat(ended(answer.id())).isEnded();
    }

    /**
     * The lean removal time (CommentModerationHistory.LeanRemovalTime) stamps only the tables this process
     * writes; every history row a held, decided comment left must still carry the removal time, or the
     * nightly cleanup would never remove it.
     */
    @Test
    void aDecidedCommentsHistoryCarriesItsRemovalTimeOnEveryRow() {
        IntakeAnswer held = post(newAuthor(), "A first comment that a moderator approves.");
        decisions.decide(held.id(), Decision.APPROVE, null, "moderator-0");

        HistoricProcessInstance instance = historic(held.id());
        assertThat(instance.getEndTime()).isNotNull();
        assertThat(instance.getRemovalTime()).isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                .isNotEmpty().allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(instance.getRemovalTime()));
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                .hasSize(1).allSatisfy(t -> assertThat(t.getRemovalTime()).isEqualTo(instance.getRemovalTime()));
        assertThat(history.createHistoricIdentityLinkLogQuery().processDefinitionKey(PROCESS_ID).list())
                .filteredOn(l -> instance.getId().equals(l.getRootProcessInstanceId()))
                .isNotEmpty().allSatisfy(l -> assertThat(l.getRemovalTime()).isEqualTo(instance.getRemovalTime()));
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).list())
                .isNotEmpty().allSatisfy(j -> assertThat(j.getRemovalTime()).isEqualTo(instance.getRemovalTime()));
        // the DMN result was removed once the gateway had read it: no variable row was ever written
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    /**
     * What the engine's history keeps of a comment (CommentModerationHistory): the instance, its events and
     * its wait state with the task, for Cockpit; not the service tasks, the DMN step or the gateways, whose
     * work our comment_history records.
     */
    @Test
    void historyKeepsTheEventsAndTheModerationTaskOfAHeldCommentNotItsServiceTasksOrGateways() {
        IntakeAnswer held = post(newAuthor(), "Another first comment, decided by a moderator.");
        decisions.decide(held.id(), Decision.REJECT, "ABUSE", "moderator-0");

        assertThat(passed(held.id())).containsExactlyInAnyOrder(START_EVENT_COMMENT_RECEIVED, TASK_MODERATE_COMMENT,
                END_EVENT_COMMENT_REJECTED);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(historic(held.id()).getId())
                .taskDefinitionKey(TASK_MODERATE_COMMENT).finished().count()).isEqualTo(1);
        assertThat(comments.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void bannedWordIsRejectedWithoutAWaitState() {
        IntakeAnswer answer = post(trustedAuthor(), "F U C K the writers");

        assertThat(answer.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(answer.reasons()).containsExactly("BANNED_WORD");
        assertThat(passed(answer.id())).containsExactlyInAnyOrder(START_EVENT_COMMENT_RECEIVED, END_EVENT_COMMENT_REJECTED);
        assertThat(ended(answer.id())).isEnded();
    }

    @Test
    void duplicateOfTheSameAuthorWithinADayIsRejected() {
        String author = trustedAuthor();
        post(author, "Season three can't come soon enough.");
        IntakeAnswer again = post(author, "Season three  can't come soon enough.");

        assertThat(again.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(again.reasons()).containsExactly("DUPLICATE");
    }

    @Test
    void bannedAuthorIsRejectedAndASuspensionEndsByItself() {
        String author = trustedAuthor();
        bans.ban(author, "spam", false, Instant.now().plus(Duration.ofHours(1)), "mod");

        assertThat(post(author, "Back again").reasons()).containsExactly("BANNED_AUTHOR");

        engineClock.stopAt(Instant.now().plus(Duration.ofHours(2)));
        assertThat(post(author, "Back again, after the suspension").status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void firstCommentIsHeldForModeratorsWithTheQueueSlaTimer() {
        IntakeAnswer answer = post(newAuthor(), "First time commenting, long-time viewer.");

        assertThat(answer.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(answer.reasons()).containsExactly("FIRST_COMMENT");
        ProcessInstance instance = instance(answer.id());
        assertThat(instance).hasPassed(START_EVENT_COMMENT_RECEIVED).isWaitingAt(TASK_MODERATE_COMMENT);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(GROUP_MODERATOR);
        Job timer = BpmnAwareTests.job(TIMER_QUEUE_SLA, instance);
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
                .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        assertThat(Duration.between(BpmnAwareTests.task(instance).getDueDate().toInstant(), timer.getDuedate().toInstant()).abs())
                .as("the moderation task is due when its SLA timer fires, so Tasklist and the overdue gauge agree")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(comments.find(answer.id()).orElseThrow().queue()).isEqualTo(CommentQueue.PENDING);
        assertThat(events.stream(CommentHeld.class).filter(e -> e.commentId().equals(answer.id())))
                .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("reasons", List.of("FIRST_COMMENT")));
    }

    @Test
    void approvedReplyTellsWhetherTheParentsAuthorWantsToKnowAndNoEventCarriesAnEmail() {
        String parentAuthor = trustedAuthor();
        IntakeAnswer parent = intake.submit(article.slug(), new NewComment("Parent", parentAuthor, "Tell me about replies",
                null, true), "10.2.0.1", null);
        String replier = trustedAuthor();
        IntakeAnswer reply = intake.submit(article.slug(), new NewComment("Replier", replier, "Here is a reply",
                parent.id(), false), "10.2.0.2", null);

        assertThat(events.stream(CommentApproved.class).filter(e -> e.commentId().equals(reply.id())))
                .singleElement().satisfies(e -> assertThat(e.data())
                        .containsEntry("parentId", parent.id())
                        .containsEntry("notifyParentAuthor", true)
                        .containsEntry("notifyAuthor", false));
        assertThat(comments.notificationAddress(parent.id())).contains(parentAuthor);
        assertThat(events.stream(CopydeskEvent.class)).allSatisfy(e -> assertThat(e.data().toString())
                .doesNotContain(parentAuthor).doesNotContain(replier).doesNotContain("@example.org"));
    }

    @Test
    void moderatorApprovalTakesTheApproveBranchAndEndsTheProcess() {
        IntakeAnswer answer = post(newAuthor(), "Is the actor who plays Quinn from Penistone?");
        ProcessInstance instance = instance(answer.id());

        decisions.decide(answer.id(), Decision.APPROVE, null, "moderator-1");

        assertThat(instance).hasPassed(TASK_MODERATE_COMMENT, END_EVENT_COMMENT_APPROVED)
                .isEnded();
        assertThat(comments.find(answer.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void moderatorRejectionTakesTheRejectBranchAndEndsTheProcess() {
        IntakeAnswer answer = post(newAuthor(), "What a m0r0n");
        ProcessInstance instance = instance(answer.id());

        decisions.decide(answer.id(), Decision.REJECT, "ABUSE", "moderator-1");

        assertThat(instance).hasPassed(TASK_MODERATE_COMMENT, END_EVENT_COMMENT_REJECTED)
                .isEnded();
        assertThat(comments.find(answer.id()).orElseThrow().status()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void queueSlaTimerMarksTheCommentOverdueRaisesTheEventAndKeepsTheTask() {
        IntakeAnswer answer = post(newAuthor(), "Anyone else rewatching the pilot?");
        ProcessInstance instance = instance(answer.id());

        engineClock.stopAt(Instant.now().plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1)));
        management.executeJob(BpmnAwareTests.job(TIMER_QUEUE_SLA, instance).getId());

        assertThat(instance).hasPassed(TIMER_QUEUE_SLA, END_EVENT_QUEUE_OVERDUE_RAISED)
                .isWaitingAt(TASK_MODERATE_COMMENT);
        assertThat(events.stream(CommentQueueOverdue.class).filter(e -> e.commentId().equals(answer.id())))
                .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("queue", "pending"));
        assertThat(comments.history(answer.id()).entries()).extracting(e -> e.action()).contains("QUEUE_OVERDUE");
    }

    @Test
    void queueSlaComesFromTheSettings() {
        ModerationSettings d = ModerationSettings.defaults();
        settings.replace(new ModerationSettings(d.bannedWords(), d.suspectWords(), d.maxLinks(), d.premoderation(),
                d.trustAfterApproved(), d.flagThreshold(), d.commentsPerMinute(), "PT10M", d.rules(),
                d.shoutingMinLetters(), d.external()), "test");
        IntakeAnswer answer = post(newAuthor(), "Hold me for ten minutes");

        Job timer = BpmnAwareTests.job(TIMER_QUEUE_SLA, instance(answer.id()));
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
    }

    @Test
    void articlePremoderationHoldsEvenATrustedAuthor() {
        articleDesk.changeCommentSettings(staff.create(Role.EDITOR).member(), article.id(), true, CommentPremoderation.ALL);
        IntakeAnswer answer = post(trustedAuthor(), "Nice one");

        assertThat(answer.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(answer.reasons()).containsExactly("PREMODERATION");
        assertThat(instance(answer.id())).isWaitingAt(TASK_MODERATE_COMMENT);
    }

    @Test
    void switchedOffRuleFindsNothing() {
        ModerationSettings d = ModerationSettings.defaults();
        settings.replace(new ModerationSettings(d.bannedWords(), d.suspectWords(), d.maxLinks(), d.premoderation(),
                d.trustAfterApproved(), d.flagThreshold(), d.commentsPerMinute(), d.queueSla(),
                java.util.Map.of(ScreeningCode.FIRST_COMMENT, false), d.shoutingMinLetters(), d.external()), "test");

        assertThat(post(newAuthor(), "First time here").status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void flagsAtTheThresholdStartTheReportedPathAndApprovalClearsThem() {
        IntakeAnswer answer = post(trustedAuthor(), "Hell of a finale.");
        for (int i = 1; i <= 3; i++) {
            flags.flag(answer.id(), FlagReason.ABUSE, "10.9.0." + i);
        }
        ProcessInstance reported = runtime.createProcessInstanceQuery().processInstanceBusinessKey(answer.id())
                .active().singleResult();

        assertThat(reported).hasPassed(START_EVENT_COMMENT_REPORTED)
                .isWaitingAt(TASK_MODERATE_COMMENT);
        assertThat(comments.find(answer.id()).orElseThrow()).satisfies(c -> {
            assertThat(c.queue()).isEqualTo(CommentQueue.REPORTED);
            assertThat(c.visible()).isFalse();
        });

        decisions.decide(answer.id(), Decision.APPROVE, null, "moderator-1");

        assertThat(reported).hasPassed(END_EVENT_COMMENT_APPROVED).isEnded();
        assertThat(comments.find(answer.id()).orElseThrow()).satisfies(c -> {
            assertThat(c.queue()).isNull();
            assertThat(c.visible()).isTrue();
        });
        flags.flag(answer.id(), FlagReason.ABUSE, "10.9.0.1");
        assertThat(comments.find(answer.id()).orElseThrow().queue()).as("flags were cleared").isNull();
    }

    private IntakeAnswer post(String email, String body) {
        return intake.submit(article.slug(), new NewComment("Reader", email, body, null, false),
                "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250), null);
    }

    private String newAuthor() {
        return "reader-" + UUID.randomUUID() + "@example.org";
    }

    /** An author with one approved comment: trusted under the default settings. */
    private String trustedAuthor() {
        String email = newAuthor();
        IntakeAnswer first = post(email, "My very first comment " + UUID.randomUUID());
        decisions.decide(first.id(), Decision.APPROVE, null, "moderator-0");
        return email;
    }

    private ProcessInstance instance(String commentId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(commentId).singleResult();
    }

    private List<String> passed(String commentId) {
        HistoricProcessInstance h = historic(commentId);
        return history.createHistoricActivityInstanceQuery().processInstanceId(h.getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private HistoricProcessInstance historic(String commentId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(commentId)
                .orderByProcessInstanceStartTime().asc().list().get(0);
    }

    /** An ended instance, for the assertions of camunda-bpm-assert (which read the history by id). */
    private ProcessInstance ended(String commentId) {
        HistoricProcessInstance h = historic(commentId);
        return new ProcessInstance() {
            public String getId() { return h.getId(); }
            public String getProcessInstanceId() { return h.getId(); }
            public String getRootProcessInstanceId() { return h.getRootProcessInstanceId(); }
            public String getProcessDefinitionId() { return h.getProcessDefinitionId(); }
            public String getProcessDefinitionKey() { return h.getProcessDefinitionKey(); }
            public String getBusinessKey() { return h.getBusinessKey(); }
            public String getCaseInstanceId() { return h.getCaseInstanceId(); }
            public String getTenantId() { return h.getTenantId(); }
            public boolean isSuspended() { return false; }
            public boolean isEnded() { return h.getEndTime() != null; }
        };
    }
}
