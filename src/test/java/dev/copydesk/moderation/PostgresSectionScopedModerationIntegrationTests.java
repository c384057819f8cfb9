package dev.copydesk.moderation;

import dev.copydesk.support.PostgresIntegrationTest;

/** Moderators per section (queue by section, tasks, moves) on PostgreSQL. */
@PostgresIntegrationTest
class PostgresSectionScopedModerationIntegrationTests extends SectionScopedModerationIntegrationTests {
}
