package dev.copydesk.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.ConsoleBrowserTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator clears the pending queue with the keyboard alone: approve, reject with a reason, bulk
 * approve, ban an author (rejecting their waiting comments), and a comment that arrives meanwhile
 * shows up through the live stream. Readers' comments go in through the public HTTP API.
 */
@ConsoleBrowserTest
class ConsoleModerationBrowserTests {

    private static final By CARDS = By.cssSelector("#queue-panel .card");

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void moderatorClearsThePendingQueueByKeyboard() throws Exception {
        Staff moderator = staff.create(Role.MODERATOR);
        PublishedArticle article = articles.publishedArticle("Council votes on the new library");
        allowManyCommentsAMinute();

        // A first comment is held (FIRST_COMMENT); approved, it can be replied to.
        String parent = comment(article.slug(), "Ann", email(), "The library is long overdue.", null);
        decide(moderator, parent, "APPROVE");
        String reply = comment(article.slug(), "Ben", email(), "Agreed, and it should open on Sundays.", parent);
        String abusive = comment(article.slug(), "Cal", email(), "Only an idiot would vote against this.", null);
        String fine1 = comment(article.slug(), "Dee", email(), "Will there be a children's corner?", null);
        String fine2 = comment(article.slug(), "Eve", email(), "Good news for students.", null);
        String spammer = email();
        String spam1 = comment(article.slug(), "Win Big", spammer, "Cheap viagra and casino bonus, click here", null);
        String spam2 = comment(article.slug(), "Win Big", spammer, "More casino bonus, click here now", null);

        try (Browser browser = new Browser(port)) {
            browser.login(moderator.member().username(), StaffFixtures.PASSWORD);
            assertThat(browser.all(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                    .as("a moderator sees only the queue").containsExactly("Moderation queue");
            browser.waitForCount(CARDS, 6);
            assertThat(ids(browser)).as("oldest first").containsExactly(reply, abusive, fine1, fine2, spam1, spam2);
            WebElement first = browser.all(CARDS).get(0);
            assertThat(first.getText()).contains("Ben", "Council votes on the new library",
                    "In reply to", "The library is long overdue.", "first comment", "Author history", "waiting");
            assertThat(browser.focused().getAttribute("data-id")).as("the oldest card has the focus").isEqualTo(reply);
            browser.screenshot("moderation");

            browser.press("a");
            browser.waitForCount(CARDS, 5);
            browser.waitForStatus("Approved the comment by Ben");

            browser.press("r");
            browser.waitFor(By.cssSelector("dialog[open]"));
            browser.screenshot("moderation-reject");
            browser.press("2");
            browser.press("\n");
            browser.waitForCount(CARDS, 4);
            browser.waitForStatus("Rejected the comment by Cal");

            browser.press("x", "j", "x");
            browser.waitForText(By.id("selected-count"), "2 selected");
            browser.press("A");
            browser.waitForCount(CARDS, 2);
            browser.waitForStatus("Approved 2 comments");

            browser.press("b");
            WebElement reason = browser.waitFor(By.id("ban-reason"));
            assertThat(browser.focused()).isEqualTo(reason);
            browser.press("Casino spam run");
            browser.press("\n");
            browser.waitForCount(CARDS, 0);
            browser.waitForStatus("Banned Win Big");
            browser.waitForText(By.id("queue-count"), "The queue is empty");

            // A reader comments while the moderator watches: it arrives without a reload.
            String late = comment(article.slug(), "Fay", email(), "Is there parking nearby?", null);
            browser.waitForCount(CARDS, 1);
            browser.waitForStatus("1 new comment");
            browser.all(CARDS).get(0).click();
            browser.press("a");
            browser.waitForCount(CARDS, 0);

            assertThat(status(moderator, reply)).isEqualTo("APPROVED");
            assertThat(status(moderator, abusive)).isEqualTo("REJECTED");
            assertThat(lastReason(moderator, abusive)).as("key 2 in the picker").isEqualTo("ABUSE");
            assertThat(status(moderator, fine1)).isEqualTo("APPROVED");
            assertThat(status(moderator, fine2)).isEqualTo("APPROVED");
            assertThat(status(moderator, spam1)).isEqualTo("REJECTED");
            assertThat(status(moderator, spam2)).isEqualTo("REJECTED");
            assertThat(status(moderator, late)).isEqualTo("APPROVED");
            String queue = send(moderator, "GET", "/api/moderation/queue?queue=pending", null).body();
            assertThat((Integer) JsonPath.read(queue, "$.total")).isZero();
        }
    }

    @Test
    void adminTunesTheModerationSettings() throws Exception {
        String word = "zorblax" + UUID.randomUUID().toString().substring(0, 4);
        try (Browser browser = new Browser(port)) {
            browser.login("admin", StaffFixtures.ADMIN_PASSWORD);
            browser.open("/console/#/settings");
            WebElement suspect = browser.waitFor(By.id("suspectWords"));
            assertThat(suspect.getAttribute("value")).as("the current list is shown").isNotBlank();
            suspect.sendKeys("\n" + word);
            WebElement threshold = browser.driver().findElement(By.id("flagThreshold"));
            threshold.clear();
            threshold.sendKeys("4");
            browser.screenshot("settings");
            browser.driver().findElement(By.cssSelector("#settings-form button[type=submit]")).click();
            browser.waitForStatus("Moderation settings saved");
        }
        String settings = send(null, "GET", "/api/admin/moderation-settings", null).body();
        assertThat((List<String>) JsonPath.read(settings, "$.suspectWords")).contains(word);
        assertThat((Integer) JsonPath.read(settings, "$.flagThreshold")).isEqualTo(4);
        send(null, "PUT", "/api/admin/moderation-settings",
                settings.replaceFirst("\"flagThreshold\"\\s*:\\s*4", "\"flagThreshold\":3"));
    }

    private List<String> ids(Browser browser) {
        return browser.all(CARDS).stream().map(card -> card.getAttribute("data-id")).toList();
    }

    private static String email() {
        return "reader-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    /** The test posts several comments from one address within a minute: lift flood control for it. */
    private void allowManyCommentsAMinute() throws Exception {
        String settings = send(null, "GET", "/api/admin/moderation-settings", null).body();
        String raised = settings.replaceFirst("\"commentsPerMinute\"\\s*:\\s*\\d+", "\"commentsPerMinute\":100");
        HttpResponse<String> put = send(null, "PUT", "/api/admin/moderation-settings", raised);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private String comment(String slug, String name, String email, String body, String parentId) throws Exception {
        String json = "{\"authorName\":\"" + name + "\",\"authorEmail\":\"" + email + "\",\"body\":\"" + body + "\""
                + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/public/articles/" + slug + "/comments"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat((String) JsonPath.read(response.body(), "$.status")).as(body).isEqualTo("PENDING");
        return JsonPath.read(response.body(), "$.id");
    }

    private void decide(Staff moderator, String commentId, String decision) throws Exception {
        HttpResponse<String> response = send(moderator, "POST", "/api/moderation/comments/" + commentId + "/decision",
                "{\"decision\":\"" + decision + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The comment's status: where the last step of its moderation history left it. */
    private String status(Staff moderator, String commentId) throws Exception {
        HttpResponse<String> response = send(moderator, "GET", "/api/moderation/comments/" + commentId + "/history", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> statuses = JsonPath.read(response.body(), "$.entries[*].toStatus");
        return statuses.get(statuses.size() - 1);
    }

    private String lastReason(Staff moderator, String commentId) throws Exception {
        String history = send(moderator, "GET", "/api/moderation/comments/" + commentId + "/history", null).body();
        List<String> reasons = JsonPath.read(history, "$.entries[*].reason");
        return reasons.get(reasons.size() - 1);
    }

    private HttpResponse<String> send(Staff as, String method, String path, String json) throws Exception {
        String user = as == null ? "admin" : as.member().username();
        String password = as == null ? StaffFixtures.ADMIN_PASSWORD : StaffFixtures.PASSWORD;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
