package dev.copydesk.articles;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.accounts.AccountDirectory.AccountChange;
import dev.copydesk.accounts.Role;
import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ReviewItem;
import dev.copydesk.sections.Sections;
import dev.copydesk.shared.ForbiddenException;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editors per section: a review task of an entertainment article is offered to entertainment's
 * editors and the newsroom's, never to politics' — in our queue, in the engine's task query (what
 * Tasklist shows) and after the article moves to another section.
 */
@CopydeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionScopedReviewIntegrationTests {

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
    AccountDirectory accounts;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    String entertainment;
    String politics;
    Staff entertainmentEditor;
    Staff politicsEditor;
    Staff newsroomEditor;
    Staff writer;

    @BeforeAll
    void desks() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        entertainment = sections.create("entertainment-" + suffix, "Entertainment").slug();
        politics = sections.create("politics-" + suffix, "Politics").slug();
        entertainmentEditor = staff.createFor(Role.EDITOR, entertainment);
        politicsEditor = staff.createFor(Role.EDITOR, politics);
        newsroomEditor = staff.create(Role.EDITOR);
        writer = staff.create(Role.WRITER);
    }

    private boolean offeredTo(Staff editor, String articleId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(articleId)
                .taskCandidateUser(editor.member().username()).count() == 1;
    }

    private boolean inQueue(Staff editor, String articleId) {
        return desk.reviews(editor.member()).stream().map(ReviewItem::articleId).anyMatch(articleId::equals);
    }

    @Test
    void theEngineSeesScopedEditorsInTheirSectionsGroupsOnly() {
        assertThat(identity.createGroupQuery().groupMember(entertainmentEditor.member().username()).list())
                .extracting(Group::getId).containsExactly("EDITOR:" + entertainment);
        assertThat(identity.createGroupQuery().groupMember(newsroomEditor.member().username()).list())
                .extracting(Group::getId).containsExactly("EDITOR");
        assertThat(identity.createUserQuery().memberOfGroup("EDITOR:" + entertainment).list())
                .extracting(u -> u.getId()).contains(entertainmentEditor.member().username())
                .doesNotContain(politicsEditor.member().username(), newsroomEditor.member().username());
        Group group = identity.createGroupQuery().groupId("EDITOR:" + politics).singleResult();
        assertThat(group.getName()).isEqualTo("Editors of Politics");
    }

    @Test
    void aReviewTaskIsOfferedToItsSectionsEditorsAndTheNewsroomsOnly() {
        ArticleDetails spoilers = articles.inReviewIn(writer, entertainment, "TV spoilers");

        Task task = tasks.createTaskQuery().processInstanceBusinessKey(spoilers.id()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("EDITOR", "EDITOR:" + entertainment);
        assertThat(offeredTo(entertainmentEditor, spoilers.id())).isTrue();
        assertThat(offeredTo(newsroomEditor, spoilers.id())).isTrue();
        assertThat(offeredTo(politicsEditor, spoilers.id())).isFalse();

        assertThat(inQueue(entertainmentEditor, spoilers.id())).isTrue();
        assertThat(inQueue(newsroomEditor, spoilers.id())).isTrue();
        assertThat(inQueue(politicsEditor, spoilers.id())).isFalse();
        assertThat(desk.reviews(newsroomEditor.member(), politics)).extracting(ReviewItem::articleId)
                .doesNotContain(spoilers.id());
        assertThat(desk.reviews(newsroomEditor.member(), entertainment)).extracting(ReviewItem::section)
                .containsOnly(entertainment);
    }

    @Test
    void anEditorOfAnotherDeskCannotSeeOrDecideTheArticle() throws Exception {
        ArticleDetails spoilers = articles.inReviewIn(writer, entertainment, "Finale leaked");
        mvc.perform(get("/api/articles/" + spoilers.id()).with(politicsEditor.login()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/articles/" + spoilers.id() + "/decision").with(politicsEditor.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"version\":" + spoilers.version() + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reviews").with(politicsEditor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", not(hasItem(spoilers.id()))));
        mvc.perform(get("/api/articles").with(politicsEditor.login()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(spoilers.id()))));

        // its twin: the desk's own editor decides it
        mvc.perform(get("/api/reviews").with(entertainmentEditor.login()))
                .andExpect(jsonPath("$[*].articleId", hasItem(spoilers.id())));
        mvc.perform(get("/api/articles").with(entertainmentEditor.login()))
                .andExpect(jsonPath("$.items[*].id", hasItem(spoilers.id())));
        mvc.perform(post("/api/articles/" + spoilers.id() + "/decision").with(entertainmentEditor.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"version\":" + spoilers.version() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void movingAnArticleMovesItsOpenReview() throws Exception {
        ArticleDetails piece = articles.inReviewIn(writer, entertainment, "Minister on a talent show");
        assertThat(offeredTo(politicsEditor, piece.id())).isFalse();

        Staff bothDesks = staff.createFor(Role.EDITOR, entertainment, politics);
        mvc.perform(put("/api/articles/" + piece.id() + "/section").with(bothDesks.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"section\":\"" + politics + "\",\"version\":" + piece.version() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.section").value(politics));

        assertThat(offeredTo(politicsEditor, piece.id())).isTrue();
        assertThat(offeredTo(entertainmentEditor, piece.id())).isFalse();
        assertThat(offeredTo(newsroomEditor, piece.id())).isTrue();
        assertThat(inQueue(politicsEditor, piece.id())).isTrue();
        assertThat(inQueue(entertainmentEditor, piece.id())).isFalse();
        // the same over HTTP, as the console asks
        mvc.perform(get("/api/reviews").with(politicsEditor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", hasItem(piece.id())));
        mvc.perform(get("/api/reviews").with(entertainmentEditor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", not(hasItem(piece.id()))));
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(piece.id()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("EDITOR", "EDITOR:" + politics);
        assertThat(desk.history(newsroomEditor.member(), piece.id())).extracting(h -> h.action()).contains("MOVED");
    }

    @Test
    void anEditorMovesOnlyBetweenTheirOwnSections() {
        ArticleDetails piece = articles.inReviewIn(writer, entertainment, "Band reunion");
        StaffMember entertainmentOnly = entertainmentEditor.member();
        assertThatThrownBy(() -> desk.move(entertainmentOnly, piece.id(), politics, piece.version()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> desk.move(politicsEditor.member(), piece.id(), politics, piece.version()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.move(newsroomEditor.member(), piece.id(), "no-such-section", piece.version()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> desk.move(writer.member(), piece.id(), politics, piece.version()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(desk.move(newsroomEditor.member(), piece.id(), politics, piece.version()).section())
                .isEqualTo(politics);
    }

    @Test
    void scopesAreGrantedOnlyForScopableHeldRolesAndExistingSections() throws Exception {
        Staff someone = staff.create(Role.EDITOR, Role.WRITER);
        assertThatThrownBy(() -> accounts.change(someone.id(), new AccountChange(null, null, null, null, null,
                java.util.Map.of(Role.WRITER, java.util.Set.of(entertainment)))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("whole newsroom");
        assertThatThrownBy(() -> accounts.change(someone.id(), new AccountChange(null, null, null, null, null,
                java.util.Map.of(Role.MODERATOR, java.util.Set.of(entertainment)))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not one of the account's roles");
        assertThatThrownBy(() -> accounts.change(someone.id(), new AccountChange(null, null, null, null, null,
                java.util.Map.of(Role.EDITOR, java.util.Set.of("no-such-desk")))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no section no-such-desk");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .patch("/api/admin/accounts/" + someone.id()).with(staff.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sections\":{\"EDITOR\":[\"" + politics + "\"]}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.EDITOR[0]").value(politics));
        mvc.perform(get("/api/me").with(someone.login()))
                .andExpect(jsonPath("$.sections.EDITOR[0]").value(politics));
        // back to newsroom-wide: an empty map
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .patch("/api/admin/accounts/" + someone.id()).with(staff.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sections\":{}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections").isEmpty());
    }
}
