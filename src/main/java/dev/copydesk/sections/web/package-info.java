/** HTTP endpoints of the sections module. */
package dev.copydesk.sections.web;
