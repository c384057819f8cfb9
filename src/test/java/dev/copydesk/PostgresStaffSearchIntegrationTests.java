package dev.copydesk;

import dev.copydesk.support.PostgresIntegrationTest;

/** Staff search (term tables, keyset, scopes) on PostgreSQL. */
@PostgresIntegrationTest
class PostgresStaffSearchIntegrationTests extends StaffSearchIntegrationTests {
}
