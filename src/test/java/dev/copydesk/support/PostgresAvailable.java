package dev.copydesk.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a PostgreSQL test class (a JUnit assumption) when no server is reachable on a developer's
 * machine, which may have only Java and Maven; under {@code CI=true} an unreachable server is a
 * failure, so CI can never pass by skipping.
 */
public class PostgresAvailable implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (PostgresTestDatabase.reachable()) {
            return;
        }
        String where = PostgresTestDatabase.url();
        if (PostgresTestDatabase.requiredByCi()) {
            throw new IllegalStateException("CI is set but PostgreSQL is not reachable at " + where
                    + " (.ci/run starts it and sets " + PostgresTestDatabase.URL_VARIABLE + ")");
        }
        Assumptions.abort("PostgreSQL is not reachable at " + where + "; skipping the postgres-tagged tests");
    }
}
