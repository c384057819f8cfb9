package dev.copydesk;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.articles.process.ArticlePublicationProcess;
import dev.copydesk.client.ApiClient;
import dev.copydesk.client.ApiException;
import dev.copydesk.client.api.AccountsApi;
import dev.copydesk.client.api.ArticlesApi;
import dev.copydesk.client.api.CommentsApi;
import dev.copydesk.client.api.ModerationApi;
import dev.copydesk.client.api.NotificationsApi;
import dev.copydesk.client.api.PublicApi;
import dev.copydesk.client.model.AccountView;
import dev.copydesk.client.model.ArticleDecisionRequest;
import dev.copydesk.client.model.ArticleDetails;
import dev.copydesk.client.model.BulkDecisionRequest;
import dev.copydesk.client.model.BulkResult;
import dev.copydesk.client.model.CommentDecisionRequest;
import dev.copydesk.client.model.CreateAccountRequest;
import dev.copydesk.client.model.CreateArticleRequest;
import dev.copydesk.client.model.DeliveryDetails;
import dev.copydesk.client.model.EditArticleRequest;
import dev.copydesk.client.model.FlagRequest;
import dev.copydesk.client.model.FlagView;
import dev.copydesk.client.model.IntakeView;
import dev.copydesk.client.model.NewCommentRequest;
import dev.copydesk.client.model.Page;
import dev.copydesk.client.model.Problem;
import dev.copydesk.client.model.PublicArticleView;
import dev.copydesk.client.model.QueueItem;
import dev.copydesk.client.model.QueuePage;
import dev.copydesk.client.model.RegisterWebhookRequest;
import dev.copydesk.client.model.ReviewItem;
import dev.copydesk.client.model.Role;
import dev.copydesk.client.model.ThreadComment;
import dev.copydesk.client.model.WebhookDetails;
import dev.copydesk.notifications.process.WebhookDeliveryProcess;
import dev.copydesk.support.OutsideClientServerTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.EventsHandedOn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole newsroom story on a real port, driven only through the Java client generated from the
 * committed OpenAPI document (src/test/resources/openapi/copydesk.json, kept equal to the served one
 * by ApiContractIntegrationTests). If the client cannot express a call, the document is wrong. The
 * client's JSON mapper fails on unknown fields, so an answer with a field the document does not list
 * fails here too. The test stands in only for the clock: the job executor is off in tests, so it
 * fires the publication timer and runs the webhook delivery job itself.
 */
@OutsideClientServerTest
class NewsroomThroughTheClientIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    DataSource dataSource;

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAWebhookReceiverOnLoopback() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop(0);
    }

    @Test
    void theNewsroomStoryFromAccountsToTheModerationQueueThroughTheGeneratedClient() throws Exception {
        ApiClient admin = client("admin", StaffFixtures.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // accounts
        AccountsApi accounts = new AccountsApi(admin);
        String wendy = account(accounts, "wendy-" + suffix, "Wendy Writer", Role.WRITER);
        String eddie = account(accounts, "eddie-" + suffix, "Eddie Editor", Role.EDITOR);
        String mo = account(accounts, "mo-" + suffix, "Mo Moderator", Role.MODERATOR);
        assertThat(new AccountsApi(client(wendy, PASSWORD)).getCurrentAccount().getRoles()).containsExactly(Role.WRITER);

        // a webhook to a receiver on this machine's loopback
        NotificationsApi notifications = new NotificationsApi(admin);
        WebhookDetails hook = notifications.registerWebhook(new RegisterWebhookRequest()
                .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                .secret("a-shared-secret-" + suffix).events(List.of("article.published")));
        assertThat(notifications.listWebhooks()).extracting(WebhookDetails::getId).contains(hook.getId());

        // draft, submit, request changes, resubmit
        ArticlesApi writer = new ArticlesApi(client(wendy, PASSWORD));
        ArticlesApi editor = new ArticlesApi(client(eddie, PASSWORD));
        String title = "Spoilers: more romance ahead for two detectives " + suffix;
        ArticleDetails draft = writer.createArticle(new CreateArticleRequest().title(title)
                .summary("Season three.").body("The partners finally **get together**.").tags(List.of("tv")));
        assertThat(draft.getStatus()).isEqualTo(ArticleDetails.StatusEnum.DRAFT);
        assertThat(draft.getPublishedAt()).isNull();
        assertThat(draft.getPendingReview()).isNull();
        ArticleDetails submitted = writer.submitArticle(draft.getId());
        assertThat(submitted.getStatus()).isEqualTo(ArticleDetails.StatusEnum.IN_REVIEW);
        assertThat(submitted.getPendingReview()).isNotNull();
        assertThat(editor.listReviews(null)).extracting(ReviewItem::getArticleId).contains(draft.getId());

        ArticleDetails sentBack = editor.decideArticle(draft.getId(), new ArticleDecisionRequest()
                .decision(ArticleDecisionRequest.DecisionEnum.REQUEST_CHANGES).note("Name the season in the summary.")
                .version(submitted.getVersion()));
        assertThat(sentBack.getStatus()).isEqualTo(ArticleDetails.StatusEnum.CHANGES_REQUESTED);
        assertThat(sentBack.getLastReviewNote()).isEqualTo("Name the season in the summary.");
        ArticleDetails edited = writer.editArticle(draft.getId(), new EditArticleRequest().title(title)
                .summary("Season three, finally.").body("The partners finally **get together**.").tags(List.of("tv"))
                .version(sentBack.getVersion()));
        ArticleDetails resubmitted = writer.submitArticle(edited.getId());
        assertThat(resubmitted.getStatus()).isEqualTo(ArticleDetails.StatusEnum.IN_REVIEW);

        // a stale version is a 409 problem, not a success
        assertThatThrownBy(() -> editor.decideArticle(draft.getId(), new ArticleDecisionRequest()
                .decision(ArticleDecisionRequest.DecisionEnum.APPROVE).version(submitted.getVersion())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    Problem problem = readProblem(e);
                    assertThat(problem.getStatus()).isEqualTo(409);
                    assertThat(problem.getCurrentVersion()).isEqualTo(resubmitted.getVersion());
                    assertThat(problem.getRequestId()).isNotBlank();
                });

        // approve with a schedule; the public sees nothing until the timer fires
        OffsetDateTime publishAt = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0);
        ArticleDetails scheduled = editor.decideArticle(draft.getId(), new ArticleDecisionRequest()
                .decision(ArticleDecisionRequest.DecisionEnum.APPROVE).publishAt(publishAt)
                .version(resubmitted.getVersion()));
        assertThat(scheduled.getStatus()).isEqualTo(ArticleDetails.StatusEnum.SCHEDULED);
        assertThat(scheduled.getPublishAt()).isEqualTo(publishAt);
        PublicApi readers = new PublicApi(client(null, null));
        String slug = scheduled.getSlug();
        assertThatThrownBy(() -> readers.readPublishedArticle(slug, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        fireThePublicationTimer(draft.getId());
        ArticleDetails live = editor.getArticle(draft.getId());
        assertThat(live.getStatus()).isEqualTo(ArticleDetails.StatusEnum.PUBLISHED);
        assertThat(live.getPublishedAt()).isNotNull();
        PublicArticleView read = readers.readPublishedArticle(slug, null);
        assertThat(read.getTitle()).isEqualTo(title);
        assertThat(read.getBodyHtml()).contains("<strong>get together</strong>");

        // the webhook: one delivery of article.published (stored after the commit), delivered to the receiver
        EventsHandedOn.await(dataSource);
        List<DeliveryDetails> deliveries = notifications.listWebhookDeliveries(hook.getId());
        assertThat(deliveries).hasSize(1);
        runDelivery(deliveries.get(0).getId());
        assertThat(received).hasSize(1).first().asString().contains("article.published", slug);
        assertThat(notifications.listWebhookDeliveries(hook.getId()).get(0).getStatus())
                .isEqualTo(DeliveryDetails.StatusEnum.DELIVERED);

        // a reader's first comment is held; the moderator finds it in the queue and approves it
        CommentsApi comments = new CommentsApi(client(null, null));
        IntakeView first = comments.postComment(slug, new NewCommentRequest().authorName("Priya")
                .authorEmail("priya-" + suffix + "@example.org").body("Finally!"), null);
        assertThat(first.getStatus()).isEqualTo(IntakeView.StatusEnum.PENDING);
        ModerationApi moderator = new ModerationApi(client(mo, PASSWORD));
        QueuePage pending = moderator.listModerationQueue("pending", null, 200, null);
        assertThat(pending.getItems()).extracting(QueueItem::getCommentId).contains(first.getId());
        assertThat(pending.getTotal()).isGreaterThanOrEqualTo(pending.getItems().size());
        assertThat(moderator.decideComment(first.getId(), new CommentDecisionRequest()
                .decision(CommentDecisionRequest.DecisionEnum.APPROVE)).getStatus().getValue()).isEqualTo("APPROVED");

        // a fan's reply, decided in bulk when it is held too
        IntakeView reply = comments.postComment(slug, new NewCommentRequest().authorName("Sam")
                .authorEmail("sam-" + suffix + "@example.org").body("It does, they earned it.").parentId(first.getId()),
                "reply-" + suffix);
        if (reply.getStatus() == IntakeView.StatusEnum.PENDING) {
            BulkResult bulk = moderator.decideComments(new BulkDecisionRequest().commentIds(List.of(reply.getId()))
                    .decision(BulkDecisionRequest.DecisionEnum.APPROVE));
            assertThat(bulk.getDecided()).isEqualTo(1);
        }
        Page thread = comments.readCommentThread(slug, null, null, null);
        assertThat(thread.getItems()).extracting(ThreadComment::getBody).containsExactly("Finally!", "It does, they earned it.");
        assertThat(thread.getItems().get(0).getParentId()).isNull();
        assertThat(thread.getItems().get(1).getParentId()).isEqualTo(first.getId());
        assertThat(thread.getNextCursor()).isNull();

        // a flag, and the queues it can lead to
        FlagView flag = comments.flagComment(reply.getId(), new FlagRequest().reason(FlagRequest.ReasonEnum.SPAM));
        assertThat(flag.getStatus()).isEqualTo("RECEIVED");
        QueuePage reported = moderator.listModerationQueue("reported", null, null, null);
        assertThat(reported.getTotal()).isGreaterThanOrEqualTo(reported.getItems().size());
        assertThat(moderator.getCommentHistory(first.getId()).getEntries()).isNotEmpty();
    }

    private static final String PASSWORD = "a-long-enough-password";

    /** A problem document read as the document's Problem schema, with the same strict mapper. */
    private Problem readProblem(ApiException e) {
        try {
            return client(null, null).getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (IOException unreadable) {
            throw new AssertionError("Not a Problem document: " + e.getResponseBody(), unreadable);
        }
    }

    private static String account(AccountsApi accounts, String username, String name, Role role) throws ApiException {
        AccountView created = accounts.createAccount(new CreateAccountRequest().username(username).displayName(name)
                .email(username + "@example.org").password(PASSWORD).roles(Set.of(role)));
        assertThat(created.getRoles()).containsExactly(role);
        return username;
    }

    /** A client for the running service; staff calls with HTTP Basic, a reader's with nothing. */
    private ApiClient client(String username, String password) {
        ObjectMapper strict = ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), strict, "http://127.0.0.1:" + port);
        if (username != null) {
            String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        }
        return client;
    }

    private void fireThePublicationTimer(String articleId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ArticlePublicationProcess.PROCESS_ID).processInstanceBusinessKey(articleId)
                .singleResult();
        Job timer = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(ArticlePublicationProcess.TIMER_PUBLISH_AT).singleResult();
        management.executeJob(timer.getId());
    }

    private void runDelivery(String deliveryId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(WebhookDeliveryProcess.KEY).processInstanceBusinessKey(deliveryId).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    }
}
