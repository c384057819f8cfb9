package dev.copydesk.articles.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
class ReviewGroupRepair extends SectionGroupRepair {

    ReviewGroupRepair(TaskService tasks, RuntimeService runtime, TransactionTemplate transactions,
            ReviewCandidateGroups groups, SectionGroupSettings settings) {
        super(tasks, runtime, transactions, settings, PROCESS_ID,
                List.of(TASK_REVIEW_ARTICLE, TASK_REVIEW_REVISION), Role.EDITOR.name(), groups::of);
    }
}
