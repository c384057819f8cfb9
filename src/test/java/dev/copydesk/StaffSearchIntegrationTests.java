package dev.copydesk;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.sections.Sections;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff search: articles for writers (their own) and editors (their sections), comments for
 * moderators (their sections); words match across accents and case; highlights point into the
 * text; the cursor pages without repeats; the index follows edits and decisions.
 */
@CopydeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSearchIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired StaffFixtures staff;
    @Autowired ArticleFixtures articles;
    @Autowired ArticleDesk desk;
    @Autowired Sections sections;

    String word;
    String tv;
    String politics;
    Staff writer;
    Staff otherWriter;
    Staff tvEditor;
    Staff politicsEditor;
    Staff newsroomEditor;
    Staff tvModerator;
    Staff politicsModerator;
    ArticleDetails tvDraft;
    ArticleDetails politicsDraft;

    @BeforeAll
    void newsroom() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // a word no other test writes, with an accent the queries leave out
        word = "Úpstead" + suffix.replaceAll("[0-9]", "");
        tv = sections.create("tv-" + suffix, "TV").slug();
        politics = sections.create("politics-" + suffix, "Politics").slug();
        writer = staff.create(Role.WRITER);
        otherWriter = staff.create(Role.WRITER);
        tvEditor = staff.createFor(Role.EDITOR, tv);
        politicsEditor = staff.createFor(Role.EDITOR, politics);
        newsroomEditor = staff.create(Role.EDITOR);
        tvModerator = staff.createFor(Role.MODERATOR, tv);
        politicsModerator = staff.createFor(Role.MODERATOR, politics);
        tvDraft = desk.create(writer.member(), new ArticleDraft("The " + word + " finale", "Summary",
                "Who wins in " + word + "? The last episode airs tonight.", java.util.List.of()), tv);
        politicsDraft = desk.create(otherWriter.member(), new ArticleDraft("Minister visits " + word, "Summary",
                "A short visit.", java.util.List.of()), politics);
    }

    private String folded() {
        return word.toLowerCase().replace("ú", "u");
    }

    @Test
    void aWriterFindsTheirOwnArticlesOnly() throws Exception {
        mvc.perform(get("/api/articles/search").param("q", folded().toUpperCase()).with(writer.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains(tvDraft.id())))
                .andExpect(jsonPath("$.items[0].section").value(tv));
        mvc.perform(get("/api/articles/search").param("q", folded()).with(otherWriter.login()))
                .andExpect(jsonPath("$.items[*].id", contains(politicsDraft.id())));
    }

    @Test
    void anEditorFindsTheirSectionsArticlesAndTheNewsroomEditorAll() throws Exception {
        mvc.perform(get("/api/articles/search").param("q", folded()).with(tvEditor.login()))
                .andExpect(jsonPath("$.items[*].id", contains(tvDraft.id())));
        mvc.perform(get("/api/articles/search").param("q", folded()).with(politicsEditor.login()))
                .andExpect(jsonPath("$.items[*].id", contains(politicsDraft.id())));
        mvc.perform(get("/api/articles/search").param("q", folded()).with(newsroomEditor.login()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(tvDraft.id(), politicsDraft.id())));
        mvc.perform(get("/api/articles/search").param("q", folded()).param("section", politics)
                        .with(newsroomEditor.login()))
                .andExpect(jsonPath("$.items[*].id", contains(politicsDraft.id())));
        mvc.perform(get("/api/articles/search").param("q", folded()).param("author", writer.id())
                        .param("status", "DRAFT").with(newsroomEditor.login()))
                .andExpect(jsonPath("$.items[*].id", contains(tvDraft.id())));
    }

    @Test
    void highlightsPointAtTheWordsInTheOriginalText() throws Exception {
        String answer = mvc.perform(get("/api/articles/search").param("q", folded() + " finale").with(writer.login()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String title = JsonPath.read(answer, "$.items[0].title");
        int start = JsonPath.read(answer, "$.items[0].titleHighlights[0].start");
        int end = JsonPath.read(answer, "$.items[0].titleHighlights[0].end");
        assertThat(title.substring(start, end)).isEqualTo(word);
        String snippet = JsonPath.read(answer, "$.items[0].snippet");
        int s = JsonPath.read(answer, "$.items[0].highlights[0].start");
        int e = JsonPath.read(answer, "$.items[0].highlights[0].end");
        assertThat(snippet.substring(s, e)).isEqualTo(word);
    }

    @Test
    void anEditMovesTheArticleInTheIndex() throws Exception {
        Staff author = staff.create(Role.WRITER);
        String before = "Zebrafish" + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String after = "Narwhal" + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        ArticleDetails d = desk.create(author.member(), new ArticleDraft(before, "s", "b", java.util.List.of()));
        desk.edit(author.member(), d.id(), new ArticleDraft(after, "s", "b", java.util.List.of()), d.version());
        mvc.perform(get("/api/articles/search").param("q", before).with(author.login()))
                .andExpect(jsonPath("$.items", empty()));
        mvc.perform(get("/api/articles/search").param("q", after).with(author.login()))
                .andExpect(jsonPath("$.items[*].id", contains(d.id())));
    }

    @Test
    void theCursorPagesThroughEveryHitOnce() throws Exception {
        Staff author = staff.create(Role.WRITER);
        String rare = "Quokka" + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        java.util.Set<String> made = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(desk.create(author.member(), new ArticleDraft(rare + " " + i, "s", "b", java.util.List.of())).id());
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            var request = get("/api/articles/search").param("q", rare).param("limit", "2").with(author.login());
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String answer = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(answer, "$.items[*].id"));
            cursor = JsonPath.read(answer, "$.nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void everyWrongArticleSearchParameterIsNamedInOneProblem() throws Exception {
        mvc.perform(get("/api/articles/search").param("q", "x").param("status", "LOST").param("cursor", "junk")
                        .param("limit", "0").with(writer.login()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("cursor", "limit", "q", "status")));
        mvc.perform(get("/api/articles/search").param("q", "one two three four five six seven eight nine")
                        .param("status", "DRAFT").with(writer.login()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("q")));
        // the twin: the same parameters, right, are a search
        mvc.perform(get("/api/articles/search").param("q", "upstead").param("status", "DRAFT").param("limit", "5")
                        .with(writer.login()))
                .andExpect(status().isOk());
    }

    @Test
    void everyWrongCommentSearchParameterIsNamedInOneProblem() throws Exception {
        mvc.perform(get("/api/moderation/comments/search").param("q", "one two three four five six seven eight nine")
                        .param("status", "LOST").param("from", "yesterday").param("to", "tomorrow")
                        .param("cursor", "junk").param("limit", "1000").with(tvModerator.login()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("cursor", "from", "limit", "q", "status", "to")));
        mvc.perform(get("/api/moderation/comments/search").param("from", "2026-12-02T00:00:00Z")
                        .param("to", "2026-12-01T00:00:00Z").with(tvModerator.login()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("q", "to")));
        // the twin: the same parameters, right, are a search
        mvc.perform(get("/api/moderation/comments/search").param("q", "upstead").param("status", "APPROVED")
                        .param("from", "2026-01-01T00:00:00Z").param("to", "2030-01-01T00:00:00Z").param("limit", "5")
                        .with(tvModerator.login()))
                .andExpect(status().isOk());
    }

    @Test
    void badSearchInputIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/articles/search").with(writer.login()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/articles/search").param("q", "x").param("cursor", "junk").with(writer.login()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/moderation/comments/search").with(tvModerator.login()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/moderation/comments/search").param("q", "x").param("from", "yesterday")
                        .with(tvModerator.login()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void moderatorsFindTheirSectionsCommentsByWordsNameAndEmailInAnyState() throws Exception {
        ArticleDetails inReview = articles.inReviewIn(staff.create(Role.WRITER), tv, "Live blog " + UUID.randomUUID());
        ArticleDetails live = desk.decide(newsroomEditor.member(), inReview.id(), ReviewDecision.APPROVE, null, null,
                null, inReview.version());
        CommentClient client = new CommentClient(mvc);
        String email = newEmail();
        String rare = "Crème" + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String held = client.comment(live.slug(), email, "Première fois: " + rare + " brûlée is the best");

        mvc.perform(get("/api/moderation/comments/search").param("q", rare.replace("è", "e").toUpperCase())
                        .with(tvModerator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].commentId", contains(held)))
                .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                .andExpect(jsonPath("$.items[0].section").value(tv))
                .andExpect(jsonPath("$.items[0].authorEmail").value(email))
                .andExpect(jsonPath("$.nextCursor", nullValue()));
        mvc.perform(get("/api/moderation/comments/search").param("email", email.toUpperCase())
                        .with(tvModerator.login()))
                .andExpect(jsonPath("$.items[*].commentId", contains(held)));
        String name = "Reader " + email.substring(7, 11);
        mvc.perform(get("/api/moderation/comments/search").param("author", name).param("article", live.slug())
                        .with(tvModerator.login()))
                .andExpect(jsonPath("$.items[*].commentId", hasItem(held)));
        // another desk's moderator finds nothing of it
        mvc.perform(get("/api/moderation/comments/search").param("q", rare).with(politicsModerator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", empty()));
        mvc.perform(get("/api/moderation/comments/search").param("email", email).with(politicsModerator.login()))
                .andExpect(jsonPath("$.items[*].commentId", not(hasItem(held))));

        // a decision changes what the status filter finds, with no index update
        mvc.perform(get("/api/moderation/comments/search").param("q", rare).param("status", "APPROVED")
                        .with(tvModerator.login()))
                .andExpect(jsonPath("$.items", empty()));
        mvc.perform(post("/api/moderation/comments/" + held + "/decision").with(tvModerator.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/moderation/comments/search").param("q", rare).param("status", "APPROVED")
                        .with(tvModerator.login()))
                .andExpect(jsonPath("$.items[*].commentId", contains(held)));
    }

    @Test
    void onlyModeratorsSearchComments() throws Exception {
        mvc.perform(get("/api/moderation/comments/search").param("email", newEmail()).with(newsroomEditor.login()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/moderation/comments/search").param("email", newEmail()).with(writer.login()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/moderation/comments/search").param("email", newEmail()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/articles/search").param("q", "x").with(tvModerator.login()))
                .andExpect(status().isForbidden());
    }
}
