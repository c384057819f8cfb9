/**
 * The {@code webhook-delivery} and {@code mail-delivery} processes: one asynchronous, retried
 * delivery attempt per job.
 */
package dev.copydesk.notifications.process;
