/** HTTP for articles: the staff API, the review queue and public reading. Thin controllers over the module API. */
package dev.copydesk.articles.web;
