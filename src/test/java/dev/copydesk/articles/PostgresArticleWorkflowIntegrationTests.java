package dev.copydesk.articles;

import dev.copydesk.support.PostgresIntegrationTest;

/**
 * The article story again on PostgreSQL: repositories, optimistic locking, the history sequence,
 * the public keyset cursor, and the two-editor race on the real database.
 */
@PostgresIntegrationTest
class PostgresArticleWorkflowIntegrationTests extends ArticleWorkflowIntegrationTests {
}
