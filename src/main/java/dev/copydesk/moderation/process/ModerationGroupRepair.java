package dev.copydesk.moderation.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.copydesk.accounts.Role;
import dev.copydesk.shared.process.SectionGroupRepair;
import dev.copydesk.shared.process.SectionGroupSettings;

import static dev.copydesk.moderation.process.CommentModerationProcess.PROCESS_ID;
import static dev.copydesk.moderation.process.CommentModerationProcess.TASK_MODERATE_COMMENT;

/**
 * At start-up, every open moderation task offered to the newsroom's moderators is also offered to its
 * comment's section's ({@link ModerationCandidateGroups}): tasks opened before sections existed
 * carried {@code MODERATOR} only (docs/operations.md, "Section candidate groups").
 */
@Component
class ModerationGroupRepair extends SectionGroupRepair {

    ModerationGroupRepair(TaskService tasks, RuntimeService runtime, TransactionTemplate transactions,
            ModerationCandidateGroups groups, SectionGroupSettings settings) {
        super(tasks, runtime, transactions, settings, PROCESS_ID,
                List.of(TASK_MODERATE_COMMENT), Role.MODERATOR.name(), groups::of);
    }
}
