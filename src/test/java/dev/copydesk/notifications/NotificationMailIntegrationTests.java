package dev.copydesk.notifications;

import javax.sql.DataSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import dev.copydesk.accounts.Role;
import com.jayway.jsonpath.JsonPath;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Mail through a real SMTP server (GreenMail): who gets what, in which form, and only after commit. */
@NotificationsIntegrationTest
class NotificationMailIntegrationTests {

    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "https://news\\.example\\.org/api/public/unsubscribe\\?token=([A-Za-z0-9_-]+)");

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
    ArticleFixtures articles;
    @Autowired
    ModeratorDigest digest;
    @Autowired
    DigestItems digestItems;

    Newsroom newsroom;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    Mailbox mailbox;
    @Autowired
    dev.copydesk.accounts.AccountDirectory directory;

    @BeforeEach
    void setUp() throws Exception {
        newsroom = new Newsroom(transactions, publisher, dataSource);
        mailbox = new Mailbox(management);
        mailbox.empty();
    }

    @Test
    void writerGetsADecisionMailWithPlainTextAndEscapedHtmlParts() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);

        newsroom.commit(TestEvent.of("article.changes_requested", "articleId", "art-1", "slug", "tom-jerry",
                "title", "Tom & <Jerry>", "authorId", writer.id(), "actor", editor.id(),
                "note", "Tighten the lede <script>alert(1)</script>"));

        MimeMessage mail = mailbox.await(writer.member().email(), 1).get(0);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("desk@copydesk.test");
        assertThat(mail.getSubject()).contains("Changes were requested").contains("Tom & <Jerry>");
        List<String> text = Mailbox.parts(mail, "text/plain");
        List<String> html = Mailbox.parts(mail, "text/html");
        assertThat(text).singleElement().asString()
                .contains("Tom & <Jerry>").contains("Tighten the lede <script>").contains(editor.member().displayName());
        assertThat(html).singleElement().asString()
                .contains("Tom &amp; &lt;Jerry&gt;").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>").doesNotContain("<Jerry>");
    }

    @Test
    void aHostileDisplayNameReachesTheMailEscapedInHtmlAndAsItIsInPlainText() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        String hostile = "Ed <img src=x onerror=alert(1)>";
        String username = "hostile-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        directory.create(new dev.copydesk.accounts.AccountDirectory.NewAccount(username, hostile,
                username + "@example.org", StaffFixtures.PASSWORD, java.util.EnumSet.of(Role.EDITOR)));
        String editorId = directory.findStaffByUsername(username).orElseThrow().id();

        newsroom.commit(TestEvent.of("article.approved", "articleId", "art-2", "slug", "plain", "title", "Plain",
                "authorId", writer.id(), "actor", editorId));

        MimeMessage mail = mailbox.await(writer.member().email(), 1).get(0);
        assertThat(Mailbox.parts(mail, "text/plain")).singleElement().asString().contains("by " + hostile);
        assertThat(Mailbox.parts(mail, "text/html")).singleElement().asString()
                .contains("by Ed &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    void everyDecisionAboutAnArticleReachesItsWriter() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        List<String> decisions = List.of("article.approved", "article.scheduled", "article.published",
                "article.rejected", "article.unpublished");
        for (String type : decisions) {
            newsroom.commit(TestEvent.of(type, "articleId", "art-2", "slug", "s", "title", "Budget day",
                    "authorId", writer.id(), "publishAt", "2030-01-01T08:00:00Z", "note", "n"));
        }

        List<MimeMessage> mails = mailbox.await(writer.member().email(), decisions.size());
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage mail : mails) {
            subjects.add(mail.getSubject());
        }
        assertThat(subjects).anyMatch(s -> s.contains("approved"))
                .anyMatch(s -> s.contains("scheduled for 2030-01-01T08:00:00Z")).anyMatch(s -> s.contains("published"))
                .anyMatch(s -> s.contains("rejected")).anyMatch(s -> s.contains("taken down"));
    }

    @Test
    void editorsEachGetTheirOwnSubmissionMailAndNoOneSeesAnotherAddress() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff first = staff.create(Role.EDITOR);
        Staff second = staff.create(Role.EDITOR);

        newsroom.commit(TestEvent.of("article.submitted", "articleId", "art-3", "slug", "council",
                "title", "Council votes", "authorId", writer.id()));

        for (Staff editor : List.of(first, second)) {
            MimeMessage mail = mailbox.await(editor.member().email(), 1).get(0);
            assertThat(mail.getSubject()).contains("waiting for review").contains("Council votes");
            assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly(editor.member().email());
            assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
            assertThat(Mailbox.parts(mail, "text/plain").get(0)).contains(writer.member().displayName());
        }
        assertThat(mailbox.to(writer.member().email())).isEmpty();
    }

    @Test
    void editorsAreToldWhenAReviewIsOverdue() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);

        newsroom.commit(TestEvent.of("article.review_overdue", "articleId", "art-4", "title", "Late review",
                "authorId", writer.id()));

        assertThat(mailbox.await(editor.member().email(), 1).get(0).getSubject())
                .contains("review is overdue").contains("Late review");
    }

    @Test
    void moderatorsGetOneDigestForSeveralOverdueQueueItems() throws Exception {
        Staff moderator = staff.create(Role.MODERATOR);
        digest.send();
        mailbox.empty();

        newsroom.commit(
                TestEvent.of("comment.queue_overdue", "commentId", "cm-1", "articleTitle", "Budget", "authorName", "Ann"),
                TestEvent.of("comment.queue_overdue", "commentId", "cm-2", "articleTitle", "Budget", "authorName", "Bo"),
                TestEvent.of("comment.queue_overdue", "commentId", "cm-3", "articleTitle", "Roads", "authorName", "Cy"));
        // Newsroom.commit returns once the events are handed on: the items are stored by then.
        assertThat(digestItems.count()).isEqualTo(3);
        mailbox.sendQueuedMail();
        assertThat(mailbox.to(moderator.member().email())).as("nothing before the digest runs").isEmpty();

        assertThat(digest.send()).isEqualTo(3);

        List<MimeMessage> mails = mailbox.await(moderator.member().email(), 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("3 overdue comment(s)");
        assertThat(Mailbox.parts(mails.get(0), "text/plain").get(0)).contains("cm-1").contains("cm-2").contains("cm-3");
        assertThat(Mailbox.parts(mails.get(0), "text/html")).hasSize(1);
        assertThat(digest.send()).as("the items went out once").isZero();
    }

    @Test
    void commenterWhoAskedGetsApprovalMailWhoseUnsubscribeLinkWorksAndStopsFurtherMail() throws Exception {
        PublishedArticle article = articles.publishedArticle("Budget day " + System.nanoTime());
        Staff moderator = staff.create(Role.MODERATOR);
        String reader = "reader-" + System.nanoTime() + "@example.net";

        String first = comment(article.slug(), "Reader <One>", reader, "First thoughts on the budget.", null, true);
        approve(moderator, first);

        MimeMessage mail = mailbox.await(reader, 1).get(0);
        assertThat(mail.getSubject()).contains("Your comment on \"" + article.slug() + "\" is published");
        assertThat(Mailbox.parts(mail, "text/html").get(0)).contains("Reader &lt;One&gt;");
        String text = Mailbox.parts(mail, "text/plain").get(0);
        Matcher link = UNSUBSCRIBE.matcher(text);
        assertThat(link.find()).as("unsubscribe link in %s", text).isTrue();
        assertThat(mail.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + link.group() + ">");

        mvc.perform(get("/api/public/unsubscribe").param("token", link.group(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unsubscribed").value(true));

        // now trusted, so screening approves at once; still asking for mail, but unsubscribed
        comment(article.slug(), "Reader <One>", reader, "And a second thought.", null, true);
        String marker = "marker-" + System.nanoTime() + "@example.net";
        approve(moderator, comment(article.slug(), "Marker", marker, "Marking time.", null, true));
        mailbox.await(marker, 1);
        assertThat(mailbox.to(reader)).as("no mail after unsubscribing").hasSize(1);
    }

    @Test
    void commenterIsToldWhenAReplyToTheirCommentIsApproved() throws Exception {
        PublishedArticle article = articles.publishedArticle("Roads " + System.nanoTime());
        Staff moderator = staff.create(Role.MODERATOR);
        String parent = "parent-" + System.nanoTime() + "@example.net";
        String parentId = comment(article.slug(), "Parent", parent, "The roads need fixing.", null, true);
        approve(moderator, parentId);
        mailbox.await(parent, 1);

        String reply = comment(article.slug(), "Replier", "replier-" + System.nanoTime() + "@example.net",
                "Agreed, especially the bridge.", parentId, false);
        approve(moderator, reply);

        List<MimeMessage> mails = mailbox.await(parent, 2);
        assertThat(mails).anySatisfy(m -> assertThat(m.getSubject())
                .contains("Replier replied to your comment on \"" + article.slug() + "\""));
        assertThat(Mailbox.parts(mails.get(1), "text/plain").get(0)).containsPattern(UNSUBSCRIBE);
    }

    @Test
    void commenterWhoDidNotAskGetsNoMail() throws Exception {
        PublishedArticle article = articles.publishedArticle("Quiet " + System.nanoTime());
        Staff moderator = staff.create(Role.MODERATOR);
        String quiet = "quiet-" + System.nanoTime() + "@example.net";
        String marker = "marker-" + System.nanoTime() + "@example.net";

        approve(moderator, comment(article.slug(), "Quiet", quiet, "No mail for me, thanks.", null, false));
        approve(moderator, comment(article.slug(), "Marker", marker, "Mail me.", null, true));

        mailbox.await(marker, 1);
        assertThat(mailbox.to(quiet)).isEmpty();
    }

    private String comment(String slug, String name, String email, String body, String parentId, boolean notify)
            throws Exception {
        String json = "{\"authorName\":\"" + name + "\",\"authorEmail\":\"" + email + "\",\"body\":\"" + body + "\""
                + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + ",\"notify\":" + notify + "}";
        String answer = mvc.perform(CommentClient.postComment(slug, json).with(CommentClient.from(CommentClient.randomAddress())))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.id");
    }

    private void approve(Staff moderator, String commentId) throws Exception {
        new CommentClient(mvc).decide(commentId, "APPROVE", null, moderator.login());
    }

    @Test
    void decisionWhoseTransactionRolledBackSendsNoMail() throws Exception {
        Staff writer = staff.create(Role.WRITER);

        newsroom.rollBack(TestEvent.of("article.rejected", "articleId", "art-5", "title", "Never happened",
                "authorId", writer.id(), "note", "no"));
        newsroom.commit(TestEvent.of("article.approved", "articleId", "art-5", "title", "Happened",
                "authorId", writer.id()));

        List<MimeMessage> mails = mailbox.await(writer.member().email(), 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Happened");
    }

    @Test
    void mailToAServerThatIsDownIsRetriedAndArrivesWhenItIsBackAndTheLogSaysSo() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        String title = "Down and up " + System.nanoTime();
        TestMailServer.down();
        try {
            newsroom.commit(TestEvent.of("article.approved", "articleId", "art-7", "title", title,
                    "authorId", writer.id()));
            mailbox.sendQueuedMail();
        } finally {
            TestMailServer.up();
        }
        Map<String, Object> failed = mailTo(title);
        assertThat(failed).containsEntry("status", "RETRYING").containsEntry("attempts", 1)
                .containsEntry("kind", "article.approved");
        assertThat((String) failed.get("lastError")).isNotBlank().doesNotContain(writer.member().email());
        assertThat((String) failed.get("recipient")).as("masked in the log")
                .startsWith(writer.member().email().substring(0, 1) + "***@")
                .doesNotContain(writer.member().email());

        // The engine's next attempt (its job, run now rather than after the back-off) gets through.
        String jobId = mailJob((String) failed.get("id"));
        assertThat(management.createJobQuery().jobId(jobId).singleResult().getDuedate())
                .as("retried after a back-off").isInTheFuture();
        management.executeJob(jobId);

        assertThat(mailbox.await(writer.member().email(), 1).get(0).getSubject()).contains(title);
        assertThat(mailTo(title)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
    }

    @Test
    void mailThatFailedForGoodStaysInTheLogAndAnAdminCanSendItAgain() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        String title = "Failed for good " + System.nanoTime();
        TestMailServer.down();
        try {
            newsroom.commit(TestEvent.of("article.approved", "articleId", "art-8", "title", title,
                    "authorId", writer.id()));
            String id = (String) mailTo(title).get("id");
            // copydesk.mail.max-attempts is 2 in this context: two failed attempts and it is FAILED.
            for (int attempt = 0; attempt < 2; attempt++) {
                String jobId = mailJob(id);
                try {
                    management.executeJob(jobId);
                } catch (RuntimeException retriedLater) {
                    // the first attempt fails and is kept for the retry
                }
            }
            assertThat(mailTo(title)).containsEntry("status", "FAILED").containsEntry("attempts", 2);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
                    .as("the mail-delivery instance ended without an incident").isZero();
            mvc.perform(get("/api/admin/mail-deliveries").param("status", "FAILED").with(staff.admin()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value("FAILED"));
        } finally {
            TestMailServer.up();
        }
        String id = (String) mailTo(title).get("id");
        mvc.perform(post("/api/admin/mail-deliveries/" + id + "/retry").with(staff.admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(post("/api/admin/mail-deliveries/" + id + "/retry").with(staff.admin()))
                .andExpect(status().isConflict());

        assertThat(mailbox.await(writer.member().email(), 1).get(0).getSubject()).contains(title);
        assertThat(mailTo(title)).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
    }

    @Test
    void mailDeliveryLogIsForAdminsOnlyAndRefusesAnUnknownStatus() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        mvc.perform(get("/api/admin/mail-deliveries").with(editor.login())).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/mail-deliveries")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/mail-deliveries").param("status", "LOST").with(staff.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/api/admin/mail-deliveries/no-such-id/retry").with(staff.admin()))
                .andExpect(status().isNotFound());
    }

    private String mailJob(String mailDeliveryId) {
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(mailDeliveryId)
                .singleResult().getId();
        return management.createJobQuery().processInstanceId(instanceId).singleResult().getId();
    }

    /** The delivery log's entry for the one mail whose subject contains {@code title}. */
    private Map<String, Object> mailTo(String title) throws Exception {
        String body = mvc.perform(get("/api/admin/mail-deliveries").with(staff.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> all = JsonPath.read(body, "$");
        List<Map<String, Object>> found = all.stream()
                .filter(m -> ((String) m.get("subject")).contains(title)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void unknownUnsubscribeTokenIsNotFound() throws Exception {
        mvc.perform(get("/api/public/unsubscribe").param("token", "no-such-token"))
                .andExpect(status().isNotFound());
    }
}
