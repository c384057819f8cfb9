package dev.copydesk.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.UniqueInstance;

/**
 * The one extra context of the notification tests: the whole application on a real port, mail on
 * and pointed at GreenMail, webhooks allowed to reach receivers on localhost with short timeouts
 * and retry delays; commenters' addresses come from the real comments module. The job
 * executor stays off as in every test context: tests run the delivery jobs themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "copydesk.mail.enabled=true",
        "copydesk.mail.from=desk@copydesk.test",
        "copydesk.mail.public-url=https://news.example.org",
        "copydesk.mail.max-attempts=2",
        "copydesk.webhooks.allow-private-addresses=true",
        "copydesk.webhooks.connect-timeout=PT1S",
        "copydesk.webhooks.read-timeout=PT1S",
        "copydesk.webhooks.max-attempts=3",
        "copydesk.webhooks.first-retry-delay=PT2S",
        "copydesk.events.heartbeat-interval=PT1S"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = {UniqueInstance.class, TestMailServer.class})
@Import({StaffFixtures.class, ArticleFixtures.class})
public @interface NotificationsIntegrationTest {
}
