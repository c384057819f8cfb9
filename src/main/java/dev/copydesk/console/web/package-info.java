/** Serves the console's two pages; everything else the console does goes through {@code /api/**}. */
package dev.copydesk.console.web;
