package dev.copydesk.moderation;

import dev.copydesk.support.PostgresIntegrationTest;

/** Again on PostgreSQL: the queue and its keyset cursor, decisions and the two-moderator race, bulk, bans, settings. */
@PostgresIntegrationTest
class PostgresModerationIntegrationTests extends ModerationIntegrationTests {
}
