package dev.copydesk.articles.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.PublicationSteps;

/** The publication time of a scheduled article was reached: it goes live. Bound as {@code ${publishArticleDelegate}}. */
@Component("publishArticleDelegate")
class PublishArticleDelegate implements JavaDelegate {

    private final PublicationSteps steps;

    PublishArticleDelegate(PublicationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.publishWhenDue((String) execution.getVariable(ArticlePublicationProcess.VAR_ARTICLE_ID));
    }
}
