package dev.copydesk.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a staff member may do. An account may hold several. The names are also the workflow
 * engine's candidate groups, so a user task for {@code EDITOR} is offered to every editor.
 */
// One named schema: clients get one Role type rather than an enum per field (and generators handle sets of it).
@Schema(enumAsRef = true)
public enum Role {
    /** Writes articles, and reads and changes only their own. */
    WRITER,
    /** Everything a writer may, on any article; decides reviews (never on their own article). */
    EDITOR,
    /** Works the comment moderation queue and bans commenters. */
    MODERATOR,
    /** Manages accounts, moderation settings, webhooks and the Camunda web apps. */
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
