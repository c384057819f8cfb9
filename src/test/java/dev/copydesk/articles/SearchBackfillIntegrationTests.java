package dev.copydesk.articles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.ArticleViews.FoundArticle;
import dev.copydesk.comments.CommentSearch;
import dev.copydesk.comments.CommentSearch.Hit;
import dev.copydesk.shared.SearchBackfill;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents written before the search index existed are found once the backfill (V8_5) has run. */
@CopydeskIntegrationTest
class SearchBackfillIntegrationTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired ArticleDesk desk;
    @Autowired ArticleSearch articleSearch;
    @Autowired CommentSearch commentSearch;
    @Autowired StaffFixtures staff;
    @Autowired ArticleFixtures articles;

    @Test
    void articlesAndCommentsFromBeforeTheIndexAreIndexedOnceByOneNode() {
        String word = "Oldword" + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails old = desk.create(writer.member(), new ArticleDraft(word + " archive", "s", "b", List.of()));
        PublishedArticleRef live = new PublishedArticleRef(articles.publishedArticle("Backfill " + word).id());
        String commentId = UUID.randomUUID().toString();
        Timestamp longAgo = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
        // as before V8_4: no term rows, written long before the index
        jdbc.update("delete from article_search_term where article_id = ?", old.id());
        jdbc.update("update article set created_at = ? where id = ?", longAgo, old.id());
        jdbc.update("""
                insert into reader_comment (id, article_id, article_slug, section, author_name, author_email, author_key,
                    client_hash, body, body_hash, notify, status, visible, overdue, flag_count, created_at, version)
                values (?, ?, 'x', 'news', 'Old Reader', 'old@example.org', 'k', 'c', ?, 'h', false, 'APPROVED', true,
                    false, 0, ?, 0)""", commentId, live.id(), "An " + word + " comment", longAgo);
        assertThat(desk.search(writer.member(), word, null, null, null, null, null).items()).isEmpty();

        jdbc.update("update search_backfill set state = 'PENDING'");
        long articlesDone = articleSearch.backfill();
        long commentsDone = commentSearch.backfill();
        assertThat(articlesDone).isPositive();
        assertThat(commentsDone).isPositive();
        assertThat(SearchBackfill.state(jdbc, "articles")).hasValue("DONE");
        // a second node (or a restart) finds the job done and does nothing
        assertThat(articleSearch.backfill()).isZero();
        assertThat(commentSearch.backfill()).isZero();

        assertThat(desk.search(writer.member(), word, null, null, null, null, null).items())
                .extracting(FoundArticle::id).containsExactly(old.id());
        List<Hit> hits = commentSearch.search(new CommentSearch.Query(List.of(word.toLowerCase()), List.of(), null,
                null, null, null, null, null, null, null, 10));
        assertThat(hits).extracting(Hit::commentId).containsExactly(commentId);
    }

    private record PublishedArticleRef(String id) {
    }
}
