/** The article-publication BPMN process: its ids, the engine adapter behind ArticleWorkflow, and thin delegates. */
package dev.copydesk.articles.process;
