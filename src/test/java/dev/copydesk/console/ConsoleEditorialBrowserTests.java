package dev.copydesk.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.ConsoleBrowserTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/** A writer and an editor take one article from draft to published, only through the console. */
@ConsoleBrowserTest
class ConsoleEditorialBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    @Test
    void writerAndEditorTakeAnArticleFromDraftToPublished() {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        String articleId;
        try (Browser browser = new Browser(port)) {
            browser.login(writer.member().username(), StaffFixtures.PASSWORD);
            assertThat(browser.all(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                    .as("a writer sees only the desk").containsExactly("My articles");

            browser.waitFor(By.id("new-article")).click();
            browser.waitFor(By.id("article-title")).sendKeys("Harbour bridge reopens");
            browser.driver().findElement(By.id("article-summary")).sendKeys("Traffic flows again after repairs.");
            browser.driver().findElement(By.id("article-tags")).sendKeys("city, traffic");
            browser.driver().findElement(By.id("article-body")).sendKeys(
                    "# Open again\n\nThe bridge is **open**. <script>alert(1)</script>\n\n- lanes: 4\n- cost: high");
            // the proof comes from the server (POST /api/articles/proofs) a moment after typing stops
            browser.waitForText(By.cssSelector("#article-preview h1"), "Open again");
            WebElement preview = browser.driver().findElement(By.id("article-preview"));
            assertThat(preview.findElement(By.tagName("h1")).getText()).isEqualTo("Open again");
            assertThat(preview.findElement(By.tagName("strong")).getText()).isEqualTo("open");
            assertThat(preview.findElements(By.tagName("script"))).as("user text never becomes markup").isEmpty();
            assertThat(preview.getText()).contains("<script>alert(1)</script>");
            browser.screenshot("desk-editor");

            browser.driver().findElement(By.id("save-article")).click();
            browser.waitForStatus("Created the draft");
            browser.waitFor(By.id("submit-article"));
            articleId = browser.driver().getCurrentUrl().replaceAll(".*#/desk/", "");
            browser.waitForText(By.cssSelector("#article-form .badge"), "Draft");

            browser.driver().findElement(By.id("submit-article")).click();
            browser.waitForText(By.cssSelector("#article-form .badge"), "In review");
            browser.waitFor(By.id("withdraw-article"));
            browser.waitForText(By.cssSelector(".history"), "submitted");
            browser.screenshot("desk");
            browser.logout();

            browser.login(editor.member().username(), StaffFixtures.PASSWORD);
            assertThat(browser.all(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                    .containsExactly("My articles", "Review queue");
            browser.driver().findElement(By.cssSelector("#nav a[data-screen=reviews]")).click();
            browser.waitFor(By.xpath("//a[contains(@class,'review-link') and text()='Harbour bridge reopens']")).click();
            browser.waitFor(By.cssSelector("table.diff"));
            assertThat(browser.all(By.cssSelector("table.diff td.add"))).extracting(WebElement::getText)
                    .anyMatch(line -> line.contains("Title: Harbour bridge reopens"))
                    .anyMatch(line -> line.contains("# Open again"));
            assertThat(browser.driver().findElement(By.cssSelector("table.diff thead")).getText())
                    .contains("Live: not published yet", "Submitted (revision 1)");
            browser.screenshot("reviews");

            browser.driver().findElement(By.id("decision-approve")).click();
            browser.driver().findElement(By.id("decision-note")).sendKeys("Good to go.");
            browser.driver().findElement(By.id("decide")).click();
            browser.waitForStatus("is now published");
            browser.logout();

            browser.login(writer.member().username(), StaffFixtures.PASSWORD);
            browser.waitForText(By.cssSelector(".article-list tbody"), "Published");
        }
        PublishedArticle live = articles.published().findById(articleId).orElseThrow();
        assertThat(live.title()).isEqualTo("Harbour bridge reopens");
    }

    @Test
    void editorCannotDecideTheirOwnArticle() {
        Staff editor = staff.create(Role.EDITOR);
        try (Browser browser = new Browser(port)) {
            browser.login(editor.member().username(), StaffFixtures.PASSWORD);
            browser.open("/console/#/desk/new");
            browser.waitFor(By.id("article-title")).sendKeys("My own piece");
            browser.driver().findElement(By.id("article-body")).sendKeys("Text.");
            browser.driver().findElement(By.id("save-article")).click();
            browser.waitFor(By.id("submit-article")).click();
            browser.waitForText(By.cssSelector("#article-form .badge"), "In review");
            browser.driver().findElement(By.cssSelector("#nav a[data-screen=reviews]")).click();
            browser.waitFor(By.xpath("//a[contains(@class,'review-link') and text()='My own piece']")).click();
            WebElement decide = browser.waitFor(By.id("decide"));
            assertThat(decide.isEnabled()).as("four-eyes: the author's own decision button is off").isFalse();
            assertThat(browser.driver().findElement(By.id("decision-form")).getText())
                    .contains("another editor must decide");
        }
    }

    @Test
    void approvingARevisionTheWriterReplacedAfterTheEditorOpenedItIsRefusedAndReloadingShowsTheNewOne() {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails inReview = articles.inReview(writer, "Swapped under the editor");
        try (Browser browser = new Browser(port)) {
            browser.login(editor.member().username(), StaffFixtures.PASSWORD);
            browser.open("/console/#/reviews/" + inReview.id());
            browser.waitForText(By.cssSelector("table.diff thead"), "Submitted (revision 1)");

            desk.withdraw(writer.member(), inReview.id());
            desk.edit(writer.member(), inReview.id(), new ArticleDraft("Swapped under the editor", "s",
                    "Text the editor never saw.", List.of()), desk.get(writer.member(), inReview.id()).version());
            desk.submit(writer.member(), inReview.id());

            browser.driver().findElement(By.id("decision-approve")).click();
            browser.driver().findElement(By.id("decide")).click();
            browser.waitForStatus("Not decided");
            assertThat(articles.published().findById(inReview.id())).isEmpty();

            browser.driver().navigate().refresh();
            browser.waitForText(By.cssSelector("table.diff thead"), "Submitted (revision 2)");
            browser.driver().findElement(By.id("decision-approve")).click();
            browser.driver().findElement(By.id("decide")).click();
            browser.waitForStatus("is now published");
        }
        assertThat(articles.published().findById(inReview.id())).isPresent();
    }

    @Test
    void editorWhoChangedTheTextIsToldAnotherEditorMustApprove() {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails draft = articles.draft(writer, "Rewritten by the desk");
        desk.edit(editor.member(), draft.id(), new ArticleDraft("Rewritten by the desk", "s", "Editor's text.",
                List.of()), draft.version());
        desk.submit(writer.member(), draft.id());
        try (Browser browser = new Browser(port)) {
            browser.login(editor.member().username(), StaffFixtures.PASSWORD);
            browser.open("/console/#/reviews/" + draft.id());
            browser.waitForText(By.id("changed-text-notice"), "another editor must approve");
            browser.driver().findElement(By.id("decision-approve")).click();
            browser.driver().findElement(By.id("decide")).click();
            browser.waitForStatus("Not decided");
        }
        assertThat(articles.published().findById(draft.id())).isEmpty();
    }
}
