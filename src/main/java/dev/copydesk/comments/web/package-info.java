/** The public comment API: intake, the thread under an article, reader flags. */
package dev.copydesk.comments.web;
