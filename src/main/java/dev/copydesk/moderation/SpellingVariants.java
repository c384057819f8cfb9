package dev.copydesk.moderation;

import java.util.List;
import java.util.Map;

/**
 * Common variant spellings of common list words, which neither leetspeak nor repeated letters
 * explain ({@code fvck}, {@code phuck}, {@code azzhole}, {@code stoopid}). A variant counts only for a
 * word that is on the list: it is another spelling of that entry, reported as "reads as". Variants that
 * are words of their own somewhere are left out (Dutch {@code kunt} "you can", {@code dik} "thick",
 * the name Moran, German {@code höre}).
 */
final class SpellingVariants {

    private static final Map<String, List<String>> VARIANTS = Map.ofEntries(
            Map.entry("fuck", List.of("fuk", "fck", "fcuk", "fvck", "phuck", "phuk", "fuq", "fukk", "fack", "fuc", "fux")),
            Map.entry("motherfucker", List.of("mofo", "muthafucka", "motherfucka", "mothafucka", "mutherfucker",
                    "motherfuker", "mothafucker", "muthafucker")),
            Map.entry("cunt", List.of("cvnt", "qunt")),
            Map.entry("wanker", List.of("wanka", "wankr", "wankah")),
            Map.entry("shit", List.of("shyt", "sht", "shite", "shiit", "shizz")),
            Map.entry("asshole", List.of("azzhole", "arsehole", "ahole", "asswipe")),
            Map.entry("ass", List.of("azz", "arse")),
            Map.entry("bitch", List.of("biatch", "biotch", "bytch", "beyotch", "betch")),
            Map.entry("idiot", List.of("idjit", "eejit", "idiut", "idot")),
            Map.entry("stupid", List.of("stoopid", "stewpid", "stupit", "stuppid")),
            Map.entry("crap", List.of("krap", "crapp")),
            Map.entry("dick", List.of("dikk")),
            Map.entry("dickhead", List.of("dikhead", "dickhed")),
            Map.entry("bastard", List.of("basterd", "bastad", "barstard")),
            Map.entry("whore", List.of("whor")),
            Map.entry("slut", List.of("slutt")));

    private SpellingVariants() {
    }

    /** The variants of a list word (already folded), or none. */
    static List<String> of(String word) {
        return VARIANTS.getOrDefault(word, List.of());
    }
}
