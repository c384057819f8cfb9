/** The moderators' API (queue, decisions, bans, history) and the administrators' moderation settings. */
package dev.copydesk.moderation.web;
