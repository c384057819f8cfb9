package dev.copydesk.articles;

import dev.copydesk.support.PostgresIntegrationTest;

/** The public listing and its keyset cursor on PostgreSQL. */
@PostgresIntegrationTest
class PostgresPublicArticleListIntegrationTests extends PublicArticleListIntegrationTests {
}
