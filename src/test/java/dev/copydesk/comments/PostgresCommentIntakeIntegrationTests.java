package dev.copydesk.comments;

import dev.copydesk.support.PostgresIntegrationTest;

/** Again on PostgreSQL: intake, idempotency keys, flood control, the public thread and flags. */
@PostgresIntegrationTest
class PostgresCommentIntakeIntegrationTests extends CommentIntakeIntegrationTests {
}
