package dev.copydesk.articles;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.copydesk.shared.Ids;

/**
 * An article's slug, the last part of its public address: the title folded to ASCII lower case and
 * hyphens, at most 80 characters, made unique with {@code -2}, {@code -3}… (then a random suffix).
 * The slug never changes once the article exists.
 */
@Component
class ArticleSlugs {

    private static final int MAX_LENGTH = 80;
    /** Past this many numbered tries, a random suffix: one more query, not twenty. */
    private static final int NUMBERED_TRIES = 20;

    private final Articles articles;

    ArticleSlugs(Articles articles) {
        this.articles = articles;
    }

    /** A slug for {@code title} that no article has yet. */
    String uniqueFor(String title) {
        String base = slugOf(title);
        String slug = base;
        for (int n = 2; articles.existsBySlug(slug); n++) {
            slug = n < NUMBERED_TRIES ? base + "-" + n : base + "-" + Ids.newId().substring(0, 8);
        }
        return slug;
    }

    /** The slug a title reads as, before it is made unique ({@code article} when nothing is left). */
    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > MAX_LENGTH) {
            ascii = ascii.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "article" : ascii;
    }
}
