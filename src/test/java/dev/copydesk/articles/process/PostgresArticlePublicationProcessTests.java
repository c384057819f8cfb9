package dev.copydesk.articles.process;

import dev.copydesk.support.PostgresIntegrationTest;

/** Every path and timer of article-publication again, with the engine on PostgreSQL. */
@PostgresIntegrationTest
class PostgresArticlePublicationProcessTests extends ArticlePublicationProcessTests {
}
