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
import dev.copydesk.articles.ArticleViews.ArticleDraft;
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
                .andExpect(jsonPath("$.currentStatus").value("DRAFT"))
                .andExpect(jsonPath("$.currentVersion").value(desk.get(writer.member(), draft.id()).version()));
    }

    @Test
    void approveWithTheVersionOfARevisionSwappedSinceThenConflictAndTheNewVersionWorks() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails inReview = articles.inReview(writer, "Swapped Copy");
        // the editor reads revision 1 ...
        ArticleDetails read = desk.get(editor.member(), inReview.id());
        assertThat(read.pendingReview().revision()).isEqualTo(1);
        // ... the writer withdraws it, rewrites it and submits revision 2
        desk.withdraw(writer.member(), inReview.id());
        ArticleDetails draft = desk.get(writer.member(), inReview.id());
        desk.edit(writer.member(), inReview.id(), new ArticleDraft("Swapped Copy", "s",
                "Text the editor never saw.", List.of()), draft.version());
        ArticleDetails resubmitted = desk.submit(writer.member(), inReview.id());
        assertThat(resubmitted.version()).isGreaterThan(read.version());
        assertThat(resubmitted.pendingReview().revision()).isEqualTo(2);

        decideRaw(editor, inReview.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(read.version()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value("IN_REVIEW"))
                .andExpect(jsonPath("$.currentVersion").value(resubmitted.version()));
        mvc.perform(get("/api/public/articles/" + inReview.slug())).andExpect(status().isNotFound());
        assertThat(desk.history(editor.member(), inReview.id())).noneMatch(h -> h.action().equals("APPROVED"));

        decideRaw(editor, inReview.id(), "{\"decision\":\"APPROVE\",\"version\":%d}"
                .formatted(resubmitted.version()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/public/articles/" + inReview.slug()))
                .andExpect(jsonPath("$.bodyHtml").value("<p>Text the editor never saw.</p>"));
    }

    @Test
    void requestChangesOrRejectWithAStaleVersionThenConflictAndNothingChanges() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails first = articles.inReview(writer, "Stale Review");
        desk.withdraw(writer.member(), first.id());
        ArticleDetails again = desk.submit(writer.member(), first.id());
        for (String decision : List.of("REJECT", "REQUEST_CHANGES")) {
            decideRaw(editor, first.id(), "{\"decision\":\"%s\",\"note\":\"n\",\"version\":%d}"
                    .formatted(decision, first.version()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.currentVersion").value(again.version()));
        }
        assertThat(desk.get(editor.member(), first.id()).status()).isEqualTo(ArticleStatus.IN_REVIEW);
        decideRaw(editor, first.id(), "{\"decision\":\"REJECT\",\"note\":\"n\",\"version\":%d}"
                .formatted(again.version()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
    }

    @Test
    void decisionWithoutVersionThenBadRequestNamingVersion() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails inReview = articles.inReview(staff.create(Role.WRITER), "Which Version");
        decideRaw(editor, inReview.id(), "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(desk.get(editor.member(), inReview.id()).status()).isEqualTo(ArticleStatus.IN_REVIEW);
        decideRaw(editor, inReview.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(inReview.version()))
                .andExpect(status().isOk());
    }

    @Test
    void editorWhoEditedTheWritersDraftApprovesThenForbiddenAndAnotherEditorMay() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff meddler = staff.create(Role.EDITOR);
        ArticleDetails draft = articles.draft(writer, "Edited By The Desk");
        send(put("/api/articles/" + draft.id()).with(meddler.login()), """
                {"title":"Edited By The Desk","summary":"s","body":"The editor's words.","tags":[],"version":%d}"""
                .formatted(draft.version())).andExpect(status().isOk());
        ArticleDetails inReview = desk.submit(writer.member(), draft.id());

        decideRaw(meddler, draft.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(inReview.version()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://copydesk.dev/problems/forbidden"));
        assertThat(desk.get(writer.member(), draft.id()).status()).isEqualTo(ArticleStatus.IN_REVIEW);
        mvc.perform(get("/api/articles/" + draft.id() + "/revisions/" + inReview.pendingReview().revisionId())
                        .with(writer.login()))
                .andExpect(jsonPath("$.changedBy", contains(writer.id(), meddler.id())));

        decideRaw(staff.create(Role.EDITOR), draft.id(), "{\"decision\":\"APPROVE\",\"version\":%d}"
                .formatted(inReview.version()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void editorWhoEditedAfterRequestingChangesApprovesTheResubmissionThenForbidden() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails inReview = articles.inReview(writer, "Sent Back And Fixed");
        decide(editor, inReview.id(), "{\"decision\":\"REQUEST_CHANGES\",\"note\":\"Tighten it.\"}")
                .andExpect(status().isOk());
        ArticleDetails sentBack = desk.get(editor.member(), inReview.id());
        desk.edit(editor.member(), inReview.id(), new ArticleDraft("Sent Back And Fixed", "s",
                "Tightened by the editor.", List.of()), sentBack.version());
        ArticleDetails resubmitted = desk.submit(writer.member(), inReview.id());

        decideRaw(editor, inReview.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(resubmitted.version()))
                .andExpect(status().isForbidden());
        decideRaw(staff.create(Role.EDITOR), inReview.id(), "{\"decision\":\"APPROVE\",\"version\":%d}"
                .formatted(resubmitted.version()))
                .andExpect(status().isOk());
    }

    @Test
    void editorWhoEditedALiveArticlesRevisionApprovesThenForbiddenButMayApproveTheWritersNextOne() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        var live = articles.publishedArticleBy(writer, "Living Copy");
        ArticleDetails current = desk.get(editor.member(), live.id());
        desk.edit(editor.member(), live.id(), new ArticleDraft("Living Copy", "s", "Editor's update.", List.of()),
                current.version());
        ArticleDetails revision = desk.submit(writer.member(), live.id());
        decideRaw(editor, live.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(revision.version()))
                .andExpect(status().isForbidden());
        ArticleDetails approved = desk.decide(staff.create(Role.EDITOR).member(), live.id(), ReviewDecision.APPROVE,
                null, null, null, revision.version());

        // the approved text is the new baseline: the next revision is the writer's alone
        desk.edit(writer.member(), live.id(), new ArticleDraft("Living Copy", "s", "Writer's update.", List.of()),
                approved.version());
        ArticleDetails next = desk.submit(writer.member(), live.id());
        decideRaw(editor, live.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(next.version()))
                .andExpect(status().isOk());
    }

    @Test
    void editorWhoSavedTheDraftUnchangedMayStillApprove() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails draft = articles.draft(writer, "Looked Not Touched");
        desk.edit(editor.member(), draft.id(), new ArticleDraft(draft.title(), draft.summary(), draft.body(),
                draft.tags()), draft.version());
        ArticleDetails inReview = desk.submit(writer.member(), draft.id());
        decideRaw(editor, draft.id(), "{\"decision\":\"APPROVE\",\"version\":%d}".formatted(inReview.version()))
                .andExpect(status().isOk());
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
    void listPageOrSizeOutOfRangeThenBadRequestNamingTheParameter() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        for (String page : List.of("2147483647", "10001", "-1", "99999999999", "x")) {
            mvc.perform(get("/api/articles").param("page", page).with(editor.login()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
        }
        for (String size : List.of("0", "101", "2147483647")) {
            mvc.perform(get("/api/articles").param("size", size).with(editor.login()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        }
        mvc.perform(get("/api/articles").param("page", "10000").param("size", "100").with(editor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.page").value(10000));
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

    /** The editor decides on what they just read: {@code body} gets the article's current version. */
    private ResultActions decide(Staff editor, String id, String body) throws Exception {
        long version = desk.get(editor.member(), id).version();
        return decideRaw(editor, id, body.replaceFirst("^\\{", "{\"version\":" + version + ","));
    }

    private ResultActions decideRaw(Staff editor, String id, String body) throws Exception {
        return send(post("/api/articles/" + id + "/decision").with(editor.login()), body);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
