package dev.copydesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs the real PostgreSQL server: tagged {@code postgres} (run only them with
 * {@code mvn test -Dgroups=postgres}, leave them out with {@code -DexcludedGroups=postgres}) and
 * skipped locally when no server is reachable (see {@link PostgresAvailable}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresAvailable.class)
public @interface PostgresTest {
}
