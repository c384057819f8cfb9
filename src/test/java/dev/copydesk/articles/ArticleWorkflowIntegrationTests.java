package dev.copydesk.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The article workflow over HTTP: the whole story, review notes, stale versions, illegal moves, four-eyes, races. */
@CopydeskIntegrationTest
class ArticleWorkflowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    @Test
    void wholeStoryFromDraftThroughChangesToPublishedAndUnpublished() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        String json = mvc.perform(post("/api/articles").with(writer.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Night Trains Return\",\"summary\":\"s\",\"body\":\"First.\",\"tags\":[\"rail\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");
        String slug = JsonPath.read(json, "$.slug");
        int version = JsonPath.read(json, "$.version");

        json = send(put("/api/articles/" + id).with(writer.login()), """
                {"title":"Night Trains Return","summary":"s","body":"Second.","tags":["rail"],"version":%d}"""
                .formatted(version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("Second."))
                .andReturn().getResponse().getContentAsString();
        assertThat((int) JsonPath.read(json, "$.version")).isGreaterThan(version);

        mvc.perform(post("/api/articles/" + id + "/submit").with(writer.login())).andExpect(status().isOk());
        mvc.perform(get("/api/reviews").with(editor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", hasItem(id)));

        decide(editor, id, "{\"decision\":\"REQUEST_CHANGES\",\"note\":\"Which lines?\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
        json = mvc.perform(get("/api/articles/" + id).with(writer.login()))
                .andExpect(jsonPath("$.lastReviewNote").value("Which lines?"))
                .andExpect(jsonPath("$.pendingReview").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        send(put("/api/articles/" + id).with(writer.login()), """
                {"title":"Night Trains Return","summary":"s","body":"Vienna to Paris.","tags":["rail"],"version":%d}"""
                .formatted((int) JsonPath.read(json, "$.version"))).andExpect(status().isOk());
        mvc.perform(post("/api/articles/" + id + "/submit").with(writer.login()))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.pendingReview.revision").value(2));

        decide(editor, id, "{\"decision\":\"APPROVE\"}").andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/public/articles/" + slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bodyHtml").value("<p>Vienna to Paris.</p>"));
        mvc.perform(get("/api/public/articles").param("tag", "rail"))
                .andExpect(jsonPath("$.items[*].slug", hasItem(slug)));

        mvc.perform(post("/api/articles/" + id + "/unpublish").with(editor.login())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Timetable wrong\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNPUBLISHED"));
        mvc.perform(get("/api/public/articles/" + slug)).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/articles").param("tag", "rail"))
                .andExpect(jsonPath("$.items[*].slug", not(hasItem(slug))));

        mvc.perform(get("/api/articles/" + id + "/history").with(writer.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", contains("CREATED", "SUBMITTED", "CHANGES_REQUESTED", "SUBMITTED",
                        "APPROVED", "UNPUBLISHED")))
                .andExpect(jsonPath("$[2].actor").value(editor.id()))
                .andExpect(jsonPath("$[2].fromStatus").value("IN_REVIEW"))
                .andExpect(jsonPath("$[2].toStatus").value("CHANGES_REQUESTED"))
                .andExpect(jsonPath("$[2].note").value("Which lines?"))
                .andExpect(jsonPath("$[5].note").value("Timetable wrong"))
                .andExpect(jsonPath("$[0].at").isString());

        mvc.perform(get("/api/articles/" + id + "/revisions").with(writer.login()))
                .andExpect(jsonPath("$[*].number", contains(1, 2)))
                .andExpect(jsonPath("$[1].live").value(true));
        String revisionId = JsonPath.read(mvc.perform(get("/api/articles/" + id + "/revisions").with(writer.login()))
                .andReturn().getResponse().getContentAsString(), "$[0].id");
        mvc.perform(get("/api/articles/" + id + "/revisions/" + revisionId).with(writer.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("Second."));
        mvc.perform(get("/api/articles/" + id + "/revisions/" + java.util.UUID.randomUUID()).with(writer.login()))
                .andExpect(status().isNotFound());
    }

    @Test
    void editWithStaleVersionThenConflict() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails draft = articles.draft(writer, "Stale Copy");
        String body = """
                {"title":"Stale Copy","summary":"s","body":"b","tags":[],"version":%d}""";
        send(put("/api/articles/" + draft.id()).with(writer.login()), body.formatted(draft.version()))
                .andExpect(status().isOk());
        send(put("/api/articles/" + draft.id()).with(writer.login()), body.formatted(draft.version()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value("DRAFT"));
    }

    @Test
    void approveADraftThenConflictWithCurrentStatus() throws Exception {
        ArticleDetails draft = articles.draft(staff.create(Role.WRITER), "Too Early");
        decide(staff.create(Role.EDITOR), draft.id(), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value("DRAFT"));
    }

    @Test
    void submitTwiceThenConflictWithCurrentStatus() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails inReview = articles.inReview(writer, "Eager");
        mvc.perform(post("/api/articles/" + inReview.id() + "/submit").with(writer.login()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("IN_REVIEW"));
    }

    @Test
    void editWhileInReviewThenConflictWithCurrentStatus() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails inReview = articles.inReview(writer, "Hands Off");
        send(put("/api/articles/" + inReview.id()).with(writer.login()), """
                {"title":"Hands Off","summary":"s","body":"changed","tags":[],"version":%d}"""
                .formatted(inReview.version()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("IN_REVIEW"));
    }

    @Test
    void unpublishADraftOrSetExpiryOnItThenConflict() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails draft = articles.draft(staff.create(Role.WRITER), "Not Live");
        mvc.perform(post("/api/articles/" + draft.id() + "/unpublish").with(editor.login()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("DRAFT"));
        send(put("/api/articles/" + draft.id() + "/expiry").with(editor.login()), "{\"unpublishAt\":null}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("DRAFT"));
    }

    @Test
    void rejectOrRequestChangesWithoutNoteThenBadRequestNamingNote() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails inReview = articles.inReview(staff.create(Role.WRITER), "Note Please");
        for (String decision : List.of("REJECT", "REQUEST_CHANGES")) {
            decide(editor, inReview.id(), "{\"decision\":\"%s\",\"note\":\"  \"}".formatted(decision))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("note"));
        }
        decide(editor, inReview.id(), "{\"decision\":\"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        assertThat(desk.get(editor.member(), inReview.id()).status()).isEqualTo(ArticleStatus.IN_REVIEW);
    }

    @Test
    void approveWithPublishAtInTheFutureThenScheduled() throws Exception {
        ArticleDetails inReview = articles.inReview(staff.create(Role.WRITER), "Tomorrow's News");
        decide(staff.create(Role.EDITOR), inReview.id(), """
                {"decision":"APPROVE","publishAt":"2999-01-01T06:00:00Z","unpublishAt":"2999-02-01T06:00:00Z"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.publishAt").value("2999-01-01T06:00:00Z"))
                .andExpect(jsonPath("$.unpublishAt").value("2999-02-01T06:00:00Z"));
        mvc.perform(get("/api/public/articles/" + inReview.slug())).andExpect(status().isNotFound());
    }

    @Test
    void approveWithUnpublishAtBeforePublicationThenBadRequest() throws Exception {
        ArticleDetails inReview = articles.inReview(staff.create(Role.WRITER), "Backwards");
        decide(staff.create(Role.EDITOR), inReview.id(), """
                {"decision":"APPROVE","unpublishAt":"2000-01-01T00:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unpublishAt"));
    }

    @Test
    void editorDecidingTheirOwnArticleThenForbiddenEvenHoldingWriter() throws Exception {
        Staff both = staff.create(Role.WRITER, Role.EDITOR);
        ArticleDetails own = articles.inReview(both, "My Own Scoop");
        decide(both, own.id(), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        decide(staff.create(Role.EDITOR), own.id(), "{\"decision\":\"APPROVE\"}").andExpect(status().isOk());
    }

    @Test
    void writerCannotSeeAnotherWritersArticleAndItsExistenceDoesNotLeak() throws Exception {
        Staff owner = staff.create(Role.WRITER);
        Staff other = staff.create(Role.WRITER);
        ArticleDetails draft = articles.draft(owner, "Private Draft");
        mvc.perform(get("/api/articles/" + draft.id()).with(other.login())).andExpect(status().isNotFound());
        mvc.perform(get("/api/articles/" + draft.id()).with(owner.login())).andExpect(status().isOk());
        mvc.perform(get("/api/articles").with(other.login()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(draft.id()))));
        mvc.perform(get("/api/articles").with(owner.login()))
                .andExpect(jsonPath("$.items[*].id", hasItem(draft.id())))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/articles").param("mine", "false").with(staff.create(Role.EDITOR).login()))
                .andExpect(jsonPath("$.total").isNumber());
    }

    @Test
    void commentSettingsAreServedToOtherModulesAndThePublic() throws Exception {
        var live = articles.publishedArticle("Comments Closed Here");
        send(put("/api/articles/" + live.id() + "/comment-settings").with(staff.create(Role.EDITOR).login()),
                "{\"commentsOpen\":false,\"premoderation\":\"ALL\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commentsOpen").value(false))
                .andExpect(jsonPath("$.premoderation").value("ALL"));
        mvc.perform(get("/api/public/articles/" + live.slug())).andExpect(jsonPath("$.commentsOpen").value(false));
        assertThat(articles.published().findById(live.id())).get()
                .satisfies(p -> assertThat(p.premoderation()).isEqualTo(CommentPremoderation.ALL));
    }

    @Test
    void unknownOrMalformedArticleIdThenNotFound() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        mvc.perform(get("/api/articles/nope").with(editor.login())).andExpect(status().isNotFound());
        mvc.perform(get("/api/articles/" + java.util.UUID.randomUUID()).with(editor.login()))
                .andExpect(status().isNotFound());
    }

    @Test
    void twoEditorsDecidingTheSameReviewAtOnceThenOneWinsAndTheOtherConflicts() throws Exception {
        for (int round = 0; round < 3; round++) {
            ArticleDetails inReview = articles.inReview(staff.create(Role.WRITER), "Contested " + round);
            Staff first = staff.create(Role.EDITOR);
            Staff second = staff.create(Role.EDITOR);
            // Warm the credential check so both requests reach the decision together.
            mvc.perform(get("/api/me").with(first.login()));
            mvc.perform(get("/api/me").with(second.login()));

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> calls = List.of(
                        race(start, first, inReview.id(), "{\"decision\":\"APPROVE\"}"),
                        race(start, second, inReview.id(), "{\"decision\":\"REJECT\",\"note\":\"No.\"}"));
                List<Future<Integer>> results = new ArrayList<>();
                calls.forEach(c -> results.add(pool.submit(c)));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }

            ArticleDetails after = desk.get(first.member(), inReview.id());
            assertThat(after.status()).isIn(ArticleStatus.PUBLISHED, ArticleStatus.REJECTED);
            assertThat(desk.history(first.member(), inReview.id()))
                    .filteredOn(h -> h.action().equals("APPROVED") || h.action().equals("REJECTED"))
                    .hasSize(1);
            assertThat(desk.reviews(first.member())).noneMatch(r -> r.articleId().equals(inReview.id()));
        }
    }

    private Callable<Integer> race(CountDownLatch start, Staff editor, String id, String body) {
        return () -> {
            start.await();
            return decide(editor, id, body).andReturn().getResponse().getStatus();
        };
    }

    private ResultActions decide(Staff editor, String id, String body) throws Exception {
        return send(post("/api/articles/" + id + "/decision").with(editor.login()), body);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
