package dev.copydesk.articles.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.ArticleDesk;

/** A review outlived the review SLA: it is marked overdue and editors are told. The review stays open. Bound as {@code ${markReviewOverdueDelegate}}. */
@Component("markReviewOverdueDelegate")
class MarkReviewOverdueDelegate implements JavaDelegate {

    private final ArticleDesk desk;

    MarkReviewOverdueDelegate(ArticleDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.markReviewOverdue((String) execution.getVariable(ArticlePublicationProcess.VAR_ARTICLE_ID));
    }
}
