package dev.copydesk.console;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.support.ConsoleBrowserTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators manage accounts and webhooks; every role sees only its own screens. */
@ConsoleBrowserTest
class ConsoleAdminBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    AccountDirectory directory;

    @Test
    void adminCreatesAnAccountAndGivesItARole() {
        String username = "wren-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser(port)) {
            browser.login("admin", StaffFixtures.ADMIN_PASSWORD);
            assertThat(browser.all(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                    .containsExactly("Accounts", "Moderation settings", "Webhooks");
            browser.waitFor(By.id("new-username")).sendKeys(username);
            browser.driver().findElement(By.id("new-displayName")).sendKeys("Wren Writer");
            browser.driver().findElement(By.id("new-email")).sendKeys(username + "@example.org");
            browser.driver().findElement(By.id("new-password")).sendKeys("wren-writes-a-lot");
            browser.driver().findElement(By.cssSelector("#new-account input[value=WRITER]")).click();
            browser.driver().findElement(By.cssSelector("#new-account button[type=submit]")).click();
            browser.waitForStatus("Created the account " + username);

            WebElement editorRole = browser.waitFor(By.cssSelector("input[aria-label='editor role for " + username + "']"));
            editorRole.click();
            browser.waitForStatus(username + " now has the roles");
            browser.screenshot("accounts");
        }
        StaffMember created = directory.findStaffByUsername(username).orElseThrow();
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.WRITER, Role.EDITOR);
    }

    @Test
    void adminRegistersAndDeletesAWebhook() {
        try (Browser browser = new Browser(port)) {
            browser.login("admin", StaffFixtures.ADMIN_PASSWORD);
            browser.open("/console/#/webhooks");
            browser.waitFor(By.id("webhook-url")).sendKeys("https://203.0.113.10/copydesk");
            browser.driver().findElement(By.id("webhook-secret")).sendKeys("a-shared-secret");
            browser.driver().findElement(By.cssSelector("#new-webhook input[value='article.published']")).click();
            browser.driver().findElement(By.cssSelector("#new-webhook button[type=submit]")).click();
            browser.waitForStatus("Registered the webhook");
            browser.waitForText(By.cssSelector("#screen table tbody"), "https://203.0.113.10/copydesk");
            browser.screenshot("webhooks");

            WebElement row = browser.driver().findElement(By.xpath("//tr[th='https://203.0.113.10/copydesk']"));
            row.findElement(By.xpath(".//button[text()='Delete']")).click();
            new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitForStatus("Deleted the webhook");
            assertThat(browser.driver().findElement(By.cssSelector("#screen table tbody")).getText())
                    .doesNotContain("203.0.113.10");
        }
    }

    @Test
    void eachRoleSeesOnlyItsScreens() {
        Staff moderatorAndWriter = staff.create(Role.MODERATOR, Role.WRITER);
        Staff writer = staff.create(Role.WRITER);
        try (Browser browser = new Browser(port)) {
            browser.login(moderatorAndWriter.member().username(), StaffFixtures.PASSWORD);
            assertThat(browser.all(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                    .containsExactly("Moderation queue", "My articles");
            browser.logout();

            browser.login(writer.member().username(), StaffFixtures.PASSWORD);
            // A screen the role does not have falls back to the role's own; the API would refuse anyway.
            browser.open("/console/#/accounts");
            browser.waitForText(By.cssSelector("#screen h1"), "My articles");
            assertThat(browser.all(By.cssSelector("#nav a"))).extracting(WebElement::getText).containsExactly("My articles");
        }
    }

    @Test
    void wrongPasswordIsExplainedOnTheLoginPage() {
        Staff writer = staff.create(Role.WRITER);
        try (Browser browser = new Browser(port)) {
            browser.open("/console/");
            browser.waitFor(By.id("username")).sendKeys(writer.member().username());
            browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
            browser.driver().findElement(By.cssSelector("#login-form button[type=submit]")).click();
            browser.waitForText(By.id("login-status"), "do not match");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/login?error=bad");
        }
    }
}
