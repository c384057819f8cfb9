package dev.copydesk.notifications;

import dev.copydesk.support.PostgresIntegrationTest;

/** Again on PostgreSQL: webhook endpoints and their allow-list. */
@PostgresIntegrationTest
class PostgresWebhookRegistrationIntegrationTests extends WebhookRegistrationIntegrationTests {
}
