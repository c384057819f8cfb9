package dev.copydesk.articles.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.PublicationSteps;

/** A review outlived the review SLA: it is marked overdue and editors are told. The review stays open. Bound as {@code ${markReviewOverdueDelegate}}. */
@Component("markReviewOverdueDelegate")
class MarkReviewOverdueDelegate implements JavaDelegate {

    private final PublicationSteps steps;

    MarkReviewOverdueDelegate(PublicationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.markReviewOverdue((String) execution.getVariable(ArticlePublicationProcess.VAR_ARTICLE_ID));
    }
}
