/** The comment-moderation process: its ids, its thin delegates and the engine behind {@code ModerationWorkflow}. */
package dev.copydesk.moderation.process;
