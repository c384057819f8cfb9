package dev.copydesk.moderation.process;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.sections.Sections;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderation task opened before sections existed carries only {@code MODERATOR}; the start-up
 * repair gives it its comment's section's group, so the section's moderator is offered it and another
 * desk's is not.
 */
@CopydeskIntegrationTest
class ModerationGroupRepairIntegrationTests {

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
    TaskService tasks;
    @Autowired
    ModerationGroupRepair repair;

    @Test
    void heldCommentsTaskGetsItsSectionsGroupAndTheSectionModeratorIsOfferedIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String sport = sections.create("sport-" + suffix, "Sport").slug();
        String politics = sections.create("politics-" + suffix, "Politics").slug();
        Staff sportModerator = staff.createFor(Role.MODERATOR, sport);
        Staff politicsModerator = staff.createFor(Role.MODERATOR, politics);
        ArticleDetails inReview = articles.inReviewIn(staff.create(Role.WRITER), sport, "Derby " + suffix);
        ArticleDetails match = desk.decide(staff.create(Role.EDITOR).member(), inReview.id(), ReviewDecision.APPROVE,
                null, null, null, inReview.version());
        String held = new CommentClient(mvc).comment(match.slug(), newEmail(), "First time here, what a match");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(held).singleResult();
        tasks.deleteCandidateGroup(task.getId(), Role.MODERATOR.group(sport));
        assertThat(offeredTo(sportModerator, held)).isZero();

        assertThat(repair.repair()).isPositive();

        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("MODERATOR", "MODERATOR:" + sport);
        assertThat(offeredTo(sportModerator, held)).isOne();
        assertThat(offeredTo(politicsModerator, held)).isZero();
        assertThat(repair.repair()).isZero();
    }

    private long offeredTo(Staff moderator, String commentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(commentId)
                .taskCandidateUser(moderator.member().username()).count();
    }
}
