package dev.copydesk.articles.process;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.PublicationSteps;
import dev.copydesk.sections.Sections;
import dev.copydesk.shared.process.ExposedToProcesses;

/**
 * Who a review task is offered to, read by the BPMN ({@code ${reviewCandidateGroups.of(articleId)}}):
 * the newsroom's editors ({@code EDITOR}) and the article's section's ({@code EDITOR:entertainment}).
 * Read from the article when the task is created, so a process started before sections existed
 * needs no new variable; {@link ArticlePublicationWorkflow#moved} changes the groups of an open task.
 */
@Component("reviewCandidateGroups")
@ExposedToProcesses
public class ReviewCandidateGroups {

    private final PublicationSteps steps;

    ReviewCandidateGroups(PublicationSteps steps) {
        this.steps = steps;
    }

    public List<String> of(String articleId) {
        return forSection(steps.sectionOf(articleId).orElse(Sections.DEFAULT_SECTION));
    }

    static List<String> forSection(String section) {
        return List.of(Role.EDITOR.name(), Role.EDITOR.group(section));
    }
}
