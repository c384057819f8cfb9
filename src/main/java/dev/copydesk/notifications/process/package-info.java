/** The {@code webhook-delivery} process: one asynchronous, retried delivery attempt per job. */
package dev.copydesk.notifications.process;
