/** The staff web console: static pages under {@code /console/} on top of the HTTP API, with session login. */
package dev.copydesk.console;
