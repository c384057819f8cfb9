/** Notifications: mail, signed webhooks and the live event stream, sent after other modules' events commit. */
package dev.copydesk.notifications;
