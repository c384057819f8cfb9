package dev.copydesk.operations;

import java.util.Map;

/**
 * A module's check that its own tables and the process engine agree (an article in review has a
 * review task, a queued comment has a moderation task, a scheduled article has a timer). Implement it
 * as a Spring bean in the module's {@code process} package (engine tables are read there only);
 * {@link DriftCheck} runs every source every {@code copydesk.drift.check-interval} and on
 * {@code POST /api/admin/drift}. Kind names are stable: they become the metric label
 * {@code copydesk.drift{kind=...}} and have a repair in docs/operations.md.
 */
public interface DriftSource {

    /** How many rows are out of step with the engine, by kind; a kind with none answers 0. */
    Map<String, Long> drift();
}
