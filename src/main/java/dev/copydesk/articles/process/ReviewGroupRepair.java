package dev.copydesk.articles.process;

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

import static dev.copydesk.articles.process.ArticlePublicationProcess.PROCESS_ID;
import static dev.copydesk.articles.process.ArticlePublicationProcess.TASK_REVIEW_ARTICLE;
import static dev.copydesk.articles.process.ArticlePublicationProcess.TASK_REVIEW_REVISION;

/**
 * At start-up, every open review task offered to the newsroom's editors is also offered to its
 * article's section's ({@link ReviewCandidateGroups}): tasks opened before sections existed carried
 * {@code EDITOR} only, so section editors never saw them (docs/operations.md, "Section candidate groups").
 */
@Component
class ReviewGroupRepair {

    private static final Logger log = LoggerFactory.getLogger(ReviewGroupRepair.class);

    private final SectionGroupRepair repair;
    private final ReviewCandidateGroups groups;
    private final SectionGroupSettings settings;

    ReviewGroupRepair(TaskService tasks, RuntimeService runtime, TransactionTemplate transactions,
            ReviewCandidateGroups groups, SectionGroupSettings settings) {
        this.repair = new SectionGroupRepair(tasks, runtime, transactions, settings.batchSize());
        this.groups = groups;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        if (settings.repairAtStartup()) {
            int changed = repair();
            if (changed > 0) {
                log.info("Gave {} open review task(s) their section's candidate group", changed);
            }
        }
    }

    /** Repairs every open review task; how many were changed (0 when all were right). */
    int repair() {
        return repair.repair(PROCESS_ID, List.of(TASK_REVIEW_ARTICLE, TASK_REVIEW_REVISION), Role.EDITOR.name(),
                groups::of);
    }
}
