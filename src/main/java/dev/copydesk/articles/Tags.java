package dev.copydesk.articles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import dev.copydesk.shared.InvalidRequestException;

/**
 * Tags are short lower-case words (letters, digits, spaces, hyphens). They are stored as
 * {@code ,tag1,tag2,} so that filtering by a tag is a plain {@code LIKE '%,tag,%'}.
 */
final class Tags {

    static final int MAX_TAGS = 10;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,39}");

    private Tags() {
    }

    /** Trimmed, lower-cased, without duplicates; 400 (field {@code tags}) for anything else. */
    static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new InvalidRequestException("tags",
                        "each tag is 1 to 40 letters, digits, spaces or hyphens, starting with a letter or digit");
            }
            out.add(t);
        }
        if (out.size() > MAX_TAGS) {
            throw new InvalidRequestException("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(out);
    }

    /** The LIKE pattern that finds {@code tag} in a stored column, or null when {@code tag} is not a valid tag. */
    static String likePattern(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        return TAG.matcher(t).matches() ? "%," + t + ",%" : null;
    }

    @Converter
    static class Column implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(List<String> tags) {
            return tags == null || tags.isEmpty() ? "," : "," + String.join(",", tags) + ",";
        }

        @Override
        public List<String> convertToEntityAttribute(String stored) {
            if (stored == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).forEach(out::add);
            return List.copyOf(out);
        }
    }
}
