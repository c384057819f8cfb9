package dev.copydesk.moderation.process;

import dev.copydesk.support.PostgresIntegrationTest;

/** Again on PostgreSQL: every screening outcome, both moderator branches, the queue SLA timer and the reported path. */
@PostgresIntegrationTest
class PostgresCommentModerationProcessTests extends CommentModerationProcessTests {
}
