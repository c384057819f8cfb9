package dev.copydesk.sections;

/**
 * A section as other modules and the API see it.
 *
 * @param slug     its key for good: lower-case letters, digits and '-'
 * @param name     its display name, which an administrator may change
 * @param archived an archived section takes no new articles and no moves; its articles stay in it
 * @param version  for optimistic changes
 */
public record SectionView(String slug, String name, boolean archived, long version) {
}
