package dev.copydesk.accounts;

import dev.copydesk.support.PostgresIntegrationTest;

/**
 * Every accounts integration test again, on PostgreSQL: create, log in, bootstrap admin, throttle,
 * problem documents, the last-admin rule (which counts with a JPQL query on the real database).
 */
@PostgresIntegrationTest
class PostgresAccountsIntegrationTests extends AccountsIntegrationTests {
}
