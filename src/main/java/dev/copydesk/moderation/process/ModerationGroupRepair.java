package dev.copydesk.moderation.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
class ModerationGroupRepair {

    private static final Logger log = LoggerFactory.getLogger(ModerationGroupRepair.class);

    private final SectionGroupRepair repair;
    private final ModerationCandidateGroups groups;
    private final SectionGroupSettings settings;

    ModerationGroupRepair(TaskService tasks, RuntimeService runtime, TransactionTemplate transactions,
            ModerationCandidateGroups groups, SectionGroupSettings settings) {
        this.repair = new SectionGroupRepair(tasks, runtime, transactions, settings.batchSize());
        this.groups = groups;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        if (settings.repairAtStartup()) {
            int changed = repair();
            if (changed > 0) {
                log.info("Gave {} open moderation task(s) their section's candidate group", changed);
            }
        }
    }

    /** Repairs every open moderation task; how many were changed (0 when all were right). */
    int repair() {
        return repair.repair(PROCESS_ID, List.of(TASK_MODERATE_COMMENT), Role.MODERATOR.name(), groups::of);
    }
}
