package dev.copydesk.notifications;

import javax.sql.DataSource;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/** The staff stream filters by role, and only committed events ever reach it. */
@CopydeskIntegrationTest
class LiveEventsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventJournal journal;

    Newsroom newsroom;

    @BeforeEach
    void setUp() {
        newsroom = new Newsroom(transactions, publisher, dataSource);
    }

    @Test
    void eachRoleSeesOnlyTheEventsItMaySee() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff otherWriter = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        Staff moderator = staff.create(Role.MODERATOR);
        String run = "roles-" + System.nanoTime();
        MvcResult writerStream = open(writer.login());
        MvcResult editorStream = open(editor.login());
        MvcResult moderatorStream = open(moderator.login());
        MvcResult adminStream = open(staff.admin());

        newsroom.commit(
                TestEvent.of("article.submitted", "articleId", run + "-other", "authorId", otherWriter.id()),
                TestEvent.of("comment.held", "commentId", run + "-held"),
                TestEvent.of("article.submitted", "articleId", run + "-own", "authorId", writer.id()),
                TestEvent.of("comment.queue_overdue", "commentId", run + "-overdue"),
                TestEvent.of("article.published", "articleId", run + "-live", "authorId", writer.id()));
        // Events go out in order on one thread: once the admin has the sentinel, everyone had the rest.
        newsroom.commit(TestEvent.of("article.review_overdue", "articleId", run + "-sentinel", "authorId", "nobody"));
        String admin = await(adminStream, run + "-sentinel");

        assertThat(admin).contains(run + "-other", run + "-held", run + "-own", run + "-overdue", run + "-live");
        assertThat(content(writerStream)).contains(run + "-own", run + "-live")
                .doesNotContain(run + "-other").doesNotContain(run + "-held").doesNotContain(run + "-sentinel");
        assertThat(content(editorStream)).contains(run + "-other", run + "-own", run + "-live", run + "-sentinel")
                .doesNotContain(run + "-held").doesNotContain(run + "-overdue");
        assertThat(content(moderatorStream)).contains(run + "-held", run + "-overdue")
                .doesNotContain(run + "-other").doesNotContain(run + "-own").doesNotContain(run + "-live");
        assertThat(content(editorStream)).containsPattern("id:\\d+\\nevent:article.submitted\\ndata:\\{");
    }

    @Test
    void eventOfARolledBackTransactionIsNeitherStreamedNorJournaled() throws Exception {
        String run = "rollback-" + System.nanoTime();
        MvcResult adminStream = open(staff.admin());

        newsroom.rollBack(TestEvent.of("article.published", "articleId", run + "-never"));
        newsroom.commit(TestEvent.of("article.published", "articleId", run + "-sentinel"));

        assertThat(await(adminStream, run + "-sentinel")).doesNotContain(run + "-never");
        assertThat(journal.after(0)).extracting(PublishedEvent::data)
                .noneMatch(data -> (run + "-never").equals(data.get("articleId")))
                .anyMatch(data -> (run + "-sentinel").equals(data.get("articleId")));
    }

    @Test
    void malformedLastEventIdIsABadRequest() throws Exception {
        assertThat(mvc.perform(get("/api/events").with(staff.admin()).header("Last-Event-ID", "yesterday"))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    private MvcResult open(RequestPostProcessor login) throws Exception {
        MvcResult result = mvc.perform(get("/api/events").with(login)).andExpect(request().asyncStarted()).andReturn();
        await(result, ":connected");
        return result;
    }

    private static String content(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private static String await(MvcResult result, String wanted) throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> assertThat(content(result)).contains(wanted));
        return content(result);
    }
}
