package dev.copydesk.moderation;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.sections.Sections;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Moderators per section: a held comment on a sport article is in the sport moderators' queue and
 * task list, not the politics moderators'; they cannot decide it or read its history; bans stay
 * with the newsroom-wide moderators; moving the article moves the comment and its task.
 */
@CopydeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionScopedModerationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    @Autowired
    Sections sections;

    @Autowired
    CommentDesk comments;

    @Autowired
    TaskService tasks;

    CommentClient client;
    String sport;
    String politics;
    Staff sportModerator;
    Staff politicsModerator;
    Staff newsroomModerator;
    Staff newsroomEditor;
    ArticleDetails match;

    @BeforeAll
    void desks() {
        client = new CommentClient(mvc);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        sport = sections.create("sport-" + suffix, "Sport").slug();
        politics = sections.create("politics-" + suffix, "Politics").slug();
        sportModerator = staff.createFor(Role.MODERATOR, sport);
        politicsModerator = staff.createFor(Role.MODERATOR, politics);
        newsroomModerator = staff.create(Role.MODERATOR);
        newsroomEditor = staff.create(Role.EDITOR);
        ArticleDetails inReview = articles.inReviewIn(staff.create(Role.WRITER), sport, "Derby day " + suffix);
        match = desk.decide(newsroomEditor.member(), inReview.id(), ReviewDecision.APPROVE, null, null, null,
                inReview.version());
    }

    private boolean offeredTo(Staff moderator, String commentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(commentId)
                .taskCandidateUser(moderator.member().username()).count() == 1;
    }

    @Test
    void aHeldCommentIsInItsSectionsQueueAndTaskListOnly() throws Exception {
        String held = client.comment(match.slug(), newEmail(), "First time here, what a match");

        mvc.perform(get("/api/moderation/queue").param("limit", "200").with(sportModerator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].commentId", hasItem(held)))
                .andExpect(jsonPath("$.items[*].section", everyItem(is(sport))));
        mvc.perform(get("/api/moderation/queue").param("limit", "200").with(politicsModerator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].commentId", not(hasItem(held))));
        assertThat(offeredTo(sportModerator, held)).isTrue();
        assertThat(offeredTo(newsroomModerator, held)).isTrue();
        assertThat(offeredTo(politicsModerator, held)).isFalse();
    }

    @Test
    void aModeratorOfAnotherDeskCannotDecideOrReadTheComment() throws Exception {
        String held = client.comment(match.slug(), newEmail(), "First time here, the referee was blind");
        String approve = "{\"decision\":\"APPROVE\"}";
        mvc.perform(post("/api/moderation/comments/" + held + "/decision").with(politicsModerator.login())
                        .contentType(MediaType.APPLICATION_JSON).content(approve))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/moderation/comments/" + held + "/history").with(politicsModerator.login()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/moderation/decisions").with(politicsModerator.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commentIds\":[\"" + held + "\"],\"decision\":\"APPROVE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].outcome").value("NOT_FOUND"));
        assertThat(comments.find(held).orElseThrow().queue()).isNotNull();

        // its twin: the desk's own moderator decides it
        mvc.perform(get("/api/moderation/comments/" + held + "/history").with(sportModerator.login()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/moderation/comments/" + held + "/decision").with(sportModerator.login())
                        .contentType(MediaType.APPLICATION_JSON).content(approve))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void onlyNewsroomModeratorsBan() throws Exception {
        String ban = "{\"authorEmail\":\"" + newEmail() + "\",\"reason\":\"spam\"}";
        mvc.perform(post("/api/moderation/bans").with(sportModerator.login())
                        .contentType(MediaType.APPLICATION_JSON).content(ban))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/moderation/bans").with(newsroomModerator.login())
                        .contentType(MediaType.APPLICATION_JSON).content(ban))
                .andExpect(status().isCreated());
    }

    @Test
    void movingTheArticleMovesItsQueuedCommentsAndTheirTasks() throws Exception {
        ArticleDetails inReview = articles.inReviewIn(staff.create(Role.WRITER), sport, "Transfer window");
        ArticleDetails live = desk.decide(newsroomEditor.member(), inReview.id(), ReviewDecision.APPROVE, null, null,
                null, inReview.version());
        String held = client.comment(live.slug(), newEmail(), "First time here, is the minister buying the club?");
        assertThat(offeredTo(politicsModerator, held)).isFalse();

        mvc.perform(put("/api/articles/" + live.id() + "/section").with(newsroomEditor.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"section\":\"" + politics + "\",\"version\":" + live.version() + "}"))
                .andExpect(status().isOk());

        assertThat(comments.find(held).orElseThrow().section()).isEqualTo(politics);
        assertThat(offeredTo(politicsModerator, held)).isTrue();
        assertThat(offeredTo(sportModerator, held)).isFalse();
        mvc.perform(get("/api/moderation/queue").param("limit", "200").with(politicsModerator.login()))
                .andExpect(jsonPath("$.items[*].commentId", hasItem(held)));
        mvc.perform(get("/api/moderation/queue").param("limit", "200").with(sportModerator.login()))
                .andExpect(jsonPath("$.items[*].commentId", not(hasItem(held))));
    }
}
