package dev.copydesk.comments;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The moderation queue and the public thread are keyset pages that must be read in index order and
 * stop at the limit. H2 does that only when the ORDER BY begins like the index; otherwise, once its
 * statistics find the leading column unselective (every held comment is in PENDING), it sorts every
 * matching row: with a million held comments a page took 30 s (docs/benchmarks.md). This test takes
 * the SQL that Hibernate really ran, from H2's query statistics, and asks H2 for its plan.
 */
@CopydeskIntegrationTest
class KeysetQueryPlanIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ArticleFixtures articles;
    @Autowired StaffFixtures staff;

    @AfterEach
    void stopStatistics() {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
    }

    @Test
    void queuePagesAndThreadPagesAreReadInIndexOrder() throws Exception {
        PublishedArticle article = articles.publishedArticle("Plans " + UUID.randomUUID());
        Staff moderator = staff.create(Role.MODERATOR);
        CommentClient client = new CommentClient(mvc);
        for (int i = 0; i < 3; i++) {
            client.comment(article.slug(), newEmail(), "Held first comment " + i);
        }
        client.approvedComment(article.slug(), newEmail(), "Visible", null, moderator.login());
        jdbc.execute("SET QUERY_STATISTICS TRUE");

        String first = mvc.perform(get("/api/moderation/queue").param("queue", "pending").param("limit", "1")
                .with(moderator.login())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/moderation/queue").param("queue", "pending").param("limit", "1")
                        .param("cursor", JsonPath.<String>read(first, "$.nextCursor")).with(moderator.login()))
                .andExpect(status().isOk());
        String thread = mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()).param("limit", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<?>>read(thread, "$.items")).hasSize(1);

        List<String> pages = jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", String.class)
                .stream()
                .filter(sql -> sql.toLowerCase().contains("from reader_comment"))
                .filter(sql -> sql.toLowerCase().contains("order by"))
                .toList();
        // the queue's head, its ties at the cursor, what comes after the cursor, and the thread
        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        for (String sql : pages) {
            // prepared without values: H2 plans a statement with its parameters unbound
            String plan = String.join("\n", jdbc.query(con -> con.prepareStatement("EXPLAIN " + sql),
                    (row, n) -> row.getString(1)));
            assertThat(plan).as(sql).contains("index sorted");
        }
    }
}
