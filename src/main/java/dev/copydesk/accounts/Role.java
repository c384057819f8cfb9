package dev.copydesk.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a staff member may do. An account may hold several. The names are also the workflow
 * engine's candidate groups: a user task for {@code EDITOR} is offered to every newsroom-wide editor,
 * and one for {@link #group(String) EDITOR:entertainment} to the editors of that section.
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

    /** Roles that may be held for named sections only; the others are always newsroom-wide. */
    public static final java.util.Set<Role> SCOPABLE = java.util.EnumSet.of(EDITOR, MODERATOR);

    /** The engine's candidate group of this role for one section: {@code EDITOR:entertainment}. */
    public String group(String section) {
        return name() + ":" + section;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
