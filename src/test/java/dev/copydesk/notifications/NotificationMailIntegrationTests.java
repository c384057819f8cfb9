package dev.copydesk.notifications;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
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
    ArticleFixtures articles;
    @Autowired
    ModeratorDigest digest;
    @Autowired
    DigestItems digestItems;

    Newsroom newsroom;
    Mailbox mailbox = new Mailbox();

    @BeforeEach
    void setUp() throws Exception {
        newsroom = new Newsroom(transactions, publisher);
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
        awaitDigestItems(3);
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
    void unknownUnsubscribeTokenIsNotFound() throws Exception {
        mvc.perform(get("/api/public/unsubscribe").param("token", "no-such-token"))
                .andExpect(status().isNotFound());
    }

    private void awaitDigestItems(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (digestItems.count() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(digestItems.count()).isEqualTo(count);
    }
}
