/** HTTP endpoints of the notifications module: webhook administration, live streams, unsubscribe. */
package dev.copydesk.notifications.web;
