package dev.copydesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port, for the console's tests in headless Chromium. The one other
 * test context beside {@link CopydeskIntegrationTest}: every browser test class shares it. Without
 * Chromium the tests are skipped by an assumption, except under {@code CI=true}, where they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumInstalled.class)
// Boot shuts Tomcat down gracefully, which waits for the browsers' open live streams: not in tests.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ActiveProfiles("test")
@ContextConfiguration(initializers = UniqueInstance.class)
@Import({StaffFixtures.class, ArticleFixtures.class})
public @interface ConsoleBrowserTest {
}
