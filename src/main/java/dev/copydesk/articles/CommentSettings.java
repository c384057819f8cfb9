package dev.copydesk.articles;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Whether readers may comment on the article, and whether their comments are held for a moderator first. */
@Embeddable
class CommentSettings {

    @Column(name = "comments_open", nullable = false)
    private boolean open = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommentPremoderation premoderation = CommentPremoderation.INHERIT;

    protected CommentSettings() {
    }

    static CommentSettings defaults() {
        return new CommentSettings();
    }

    void change(boolean open, CommentPremoderation premoderation) {
        this.open = open;
        this.premoderation = Objects.requireNonNull(premoderation);
    }

    boolean open() {
        return open;
    }

    CommentPremoderation premoderation() {
        return premoderation;
    }

    @Override
    public String toString() {
        return "comments " + (open ? "open" : "closed") + ", premoderation " + premoderation;
    }
}
