package dev.copydesk.sections;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A desk of the newsroom. The slug is its key for good (articles and role scopes name it), so a
 * section is renamed by its display name and archived rather than deleted.
 */
@Entity
@Table(name = "section")
class Section {

    @Id
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Section() {
    }

    Section(String slug, String name, Instant now) {
        this.slug = slug;
        this.name = name;
        this.createdAt = now;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    boolean archived() {
        return archived;
    }

    long version() {
        return version;
    }

    void rename(String value) {
        this.name = value;
    }

    void changeArchived(boolean value) {
        this.archived = value;
    }

    SectionView view() {
        return new SectionView(slug, name, archived, version);
    }
}
