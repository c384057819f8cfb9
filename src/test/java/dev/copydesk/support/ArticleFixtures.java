package dev.copydesk.support;

import java.util.List;

import org.springframework.boot.test.context.TestComponent;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.support.StaffFixtures.Staff;

/**
 * Articles for tests, made through the articles module's API with fresh staff: a draft, an article
 * in review, a live article. The real workflow runs underneath (submit starts the BPMN process,
 * the decision completes its review task).
 */
@TestComponent
public class ArticleFixtures {

    private final ArticleDesk desk;
    private final PublishedArticles published;
    private final StaffFixtures staff;

    public ArticleFixtures(ArticleDesk desk, PublishedArticles published, StaffFixtures staff) {
        this.desk = desk;
        this.published = published;
        this.staff = staff;
    }

    /** A live article titled {@code title}, written by a fresh writer and approved by a fresh editor. */
    public PublishedArticle publishedArticle(String title) {
        return publishedArticleBy(staff.create(Role.WRITER), title);
    }

    /** A live article titled {@code title} by {@code writer}, approved by a fresh editor. */
    public PublishedArticle publishedArticleBy(Staff writer, String title) {
        ArticleDetails article = inReview(writer, title);
        desk.decide(staff.create(Role.EDITOR).member(), article.id(), ReviewDecision.APPROVE, null, null, null,
                article.version());
        return published.findById(article.id()).orElseThrow();
    }

    /** The lookup other modules use, to check what a fixture made. */
    public PublishedArticles published() {
        return published;
    }

    /** A draft by {@code writer}. */
    public ArticleDetails draft(Staff writer, String title) {
        return desk.create(writer.member(), new ArticleDraft(title, "Summary of " + title,
                "# " + title + "\n\nSome *Markdown* body.", List.of("news")));
    }

    /** A draft by {@code writer} in {@code section}. */
    public ArticleDetails draftIn(Staff writer, String section, String title) {
        return desk.create(writer.member(), new ArticleDraft(title, "Summary of " + title,
                "# " + title + "\n\nSome *Markdown* body.", List.of("news")), section);
    }

    /** An article by {@code writer} in {@code section}, submitted and waiting in the review queue. */
    public ArticleDetails inReviewIn(Staff writer, String section, String title) {
        return desk.submit(writer.member(), draftIn(writer, section, title).id());
    }

    /** An article by {@code writer}, submitted and waiting in the review queue. */
    public ArticleDetails inReview(Staff writer, String title) {
        ArticleDetails draft = draft(writer, title);
        return desk.submit(writer.member(), draft.id());
    }
}
