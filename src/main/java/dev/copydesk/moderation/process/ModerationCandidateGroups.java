package dev.copydesk.moderation.process;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleMoved;
import dev.copydesk.comments.CommentDesk;
import dev.copydesk.comments.CommentDesk.CommentSummary;
import dev.copydesk.sections.Sections;
import dev.copydesk.shared.process.ExposedToProcesses;

import static dev.copydesk.moderation.process.CommentModerationProcess.PROCESS_ID;
import static dev.copydesk.moderation.process.CommentModerationProcess.TASK_MODERATE_COMMENT;

/**
 * Who a moderation task is offered to, read by the BPMN
 * ({@code ${moderationCandidateGroups.of(execution.processBusinessKey)}}, the business key being the
 * comment id): the newsroom's moderators ({@code MODERATOR}) and those of the comment's article's
 * section ({@code MODERATOR:sport}). When an article moves, the open tasks of its queued comments
 * follow it, in the move's transaction.
 */
@Component("moderationCandidateGroups")
@ExposedToProcesses
public class ModerationCandidateGroups {

    private final CommentDesk comments;
    private final TaskService tasks;

    ModerationCandidateGroups(CommentDesk comments, TaskService tasks) {
        this.comments = comments;
        this.tasks = tasks;
    }

    public List<String> of(String commentId) {
        String section = comments.find(commentId).map(CommentSummary::section).orElse(Sections.DEFAULT_SECTION);
        return forSection(section);
    }

    /** IN lists of at most 500 keys (some databases refuse very long ones). */
    private static List<String[]> batches(List<String> keys) {
        List<String[]> batches = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i += 500) {
            batches.add(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
        }
        return batches;
    }

    static List<String> forSection(String section) {
        return List.of(Role.MODERATOR.name(), Role.MODERATOR.group(section));
    }

    @EventListener
    void on(ArticleMoved moved) {
        List<String> wanted = forSection(moved.toSection());
        List<String> queued = comments.queuedCommentsOfArticle(moved.articleId());
        if (queued.isEmpty()) {
            return;
        }
        // One task query for all of them, by business key (the comment id): no engine id is kept outside.
        for (String[] batch : batches(queued)) {
            for (Task task : tasks.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKeyIn(batch)
                    .taskDefinitionKey(TASK_MODERATE_COMMENT).list()) {
                List<String> present = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
                present.stream().filter(g -> !wanted.contains(g)).forEach(g -> tasks.deleteCandidateGroup(task.getId(), g));
                wanted.stream().filter(g -> !present.contains(g)).forEach(g -> tasks.addCandidateGroup(task.getId(), g));
            }
        }
    }
}
