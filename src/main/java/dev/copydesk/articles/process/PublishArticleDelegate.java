package dev.copydesk.articles.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.ArticleDesk;

/** The publication time of a scheduled article was reached: it goes live. Bound as {@code ${publishArticleDelegate}}. */
@Component("publishArticleDelegate")
class PublishArticleDelegate implements JavaDelegate {

    private final ArticleDesk desk;

    PublishArticleDelegate(ArticleDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.publishWhenDue((String) execution.getVariable(ArticlePublicationProcess.VAR_ARTICLE_ID));
    }
}
