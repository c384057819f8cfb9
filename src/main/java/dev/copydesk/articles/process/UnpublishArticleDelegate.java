package dev.copydesk.articles.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.PublicationSteps;

/** The expiry time of a live article was reached: it goes down. Bound as {@code ${unpublishArticleDelegate}}. */
@Component("unpublishArticleDelegate")
class UnpublishArticleDelegate implements JavaDelegate {

    private final PublicationSteps steps;

    UnpublishArticleDelegate(PublicationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.expire((String) execution.getVariable(ArticlePublicationProcess.VAR_ARTICLE_ID));
    }
}
