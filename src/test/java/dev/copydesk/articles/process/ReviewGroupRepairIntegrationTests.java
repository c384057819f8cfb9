package dev.copydesk.articles.process;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.sections.Sections;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A review task opened before sections existed carries only {@code EDITOR}: stripped here through the
 * engine API as such a task looks. The start-up repair gives it its article's section's group, so the
 * section's editor sees it in the engine's task query and in our queue; another desk's editor still
 * does not; a second run changes nothing.
 */
@CopydeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewGroupRepairIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ArticleFixtures articles;
    @Autowired
    Sections sections;
    @Autowired
    TaskService tasks;
    @Autowired
    ReviewGroupRepair repair;

    String entertainment;
    Staff entertainmentEditor;
    Staff politicsEditor;
    Staff writer;

    @BeforeAll
    void desks() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        entertainment = sections.create("entertainment-" + suffix, "Entertainment").slug();
        String politics = sections.create("politics-" + suffix, "Politics").slug();
        entertainmentEditor = staff.createFor(Role.EDITOR, entertainment);
        politicsEditor = staff.createFor(Role.EDITOR, politics);
        writer = staff.create(Role.WRITER);
    }

    private long offeredTo(Staff editor, String articleId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(articleId)
                .taskCandidateUser(editor.member().username()).count();
    }

    @Test
    void taskOpenedBeforeSectionsGetsItsSectionsGroupAndTheSectionEditorSeesIt() throws Exception {
        ArticleDetails piece = articles.inReviewIn(writer, entertainment, "Old review " + UUID.randomUUID());
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(piece.id()).singleResult();
        tasks.deleteCandidateGroup(task.getId(), Role.EDITOR.group(entertainment));
        tasks.addCandidateGroup(task.getId(), "EDITOR:some-old-desk");
        assertThat(offeredTo(entertainmentEditor, piece.id())).as("before the repair, as before the upgrade").isZero();

        assertThat(repair.repair()).isPositive();

        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("EDITOR", "EDITOR:" + entertainment);
        assertThat(offeredTo(entertainmentEditor, piece.id())).isOne();
        assertThat(offeredTo(politicsEditor, piece.id())).isZero();
        mvc.perform(get("/api/reviews").with(entertainmentEditor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", hasItem(piece.id())));
        mvc.perform(get("/api/reviews").with(politicsEditor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].articleId", not(hasItem(piece.id()))));

        assertThat(repair.repair()).as("a second run finds nothing to do").isZero();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).hasSize(2);
    }
}
