package dev.copydesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link CopydeskIntegrationTest}, but on the real PostgreSQL server with the {@code postgres}
 * profile: the same migrations, the engine's PostgreSQL schema, job executor off. Every class using
 * it shares one Spring context (one engine) on a database of its own.
 *
 * <p>To run an existing H2 integration test class on PostgreSQL as well, subclass it in its package:
 * {@code @PostgresIntegrationTest class PostgresArticlesIntegrationTests extends ArticlesIntegrationTests {}}.
 * The initializers below include the H2 annotation's, so subclasses and direct users share the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgresTest
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = {UniqueInstance.class, PostgresInstance.class})
@Import({StaffFixtures.class, ArticleFixtures.class})
public @interface PostgresIntegrationTest {
}
