package dev.copydesk.articles.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.copydesk.articles.ArticleDesk;

/** The expiry time of a live article was reached: it goes down. Bound as {@code ${unpublishArticleDelegate}}. */
@Component("unpublishArticleDelegate")
class UnpublishArticleDelegate implements JavaDelegate {

    private final ArticleDesk desk;

    UnpublishArticleDelegate(ArticleDesk desk) {
        this.desk = desk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        desk.expire((String) execution.getVariable(ArticlePublicationProcess.VAR_ARTICLE_ID));
    }
}
