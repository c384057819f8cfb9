/** Articles and their publication workflow: drafts, revisions, review, scheduling, the public reading API. */
package dev.copydesk.articles;
