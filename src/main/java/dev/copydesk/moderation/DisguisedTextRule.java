package dev.copydesk.moderation;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.copydesk.comments.CommentReason;
import dev.copydesk.moderation.TextTokens.Disguise;

/**
 * The text was disguised in a way a person should look at, even where no list word was found for
 * sure: Latin letters mixed with look-alikes of another script inside a word ({@code idiоt}), a word
 * masked with stars ({@code b****}), a list word that is only a guess ({@code f***} may read as fuck,
 * {@code xfuckz} contains fuck), or a disguised link ({@code example[.]com}). Holds, never rejects:
 * the DMN table decides.
 */
final class DisguisedTextRule implements ScreeningRule {

    @Override
    public ScreeningCode code() {
        return ScreeningCode.DISGUISED_TEXT;
    }

    @Override
    public Optional<CommentReason> check(ScreeningInput input, CompiledSettings settings) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> explained = new LinkedHashSet<>();
        for (WordList list : new WordList[] {settings.banned(), settings.suspect()}) {
            for (WordList.Hit hit : input.tokens().found(list)) {
                if (hit.certain()) {
                    explained.add(hit.seen());
                } else if (!hit.entry().ambiguous()) {
                    seen.add("`" + hit.seen() + "` " + (hit.how() == Disguise.GLUED ? "contains " : "may read as ")
                            + hit.entry().name());
                    explained.add(hit.seen());
                }
            }
        }
        for (TextTokens.Word word : input.tokens().words()) {
            if (word.mixedScripts() != null) {
                seen.add("`" + word.raw() + "` mixes " + word.mixedScripts() + " letters");
            } else if (starMasked(word) && !explained.contains(word.raw())) {
                seen.add("`" + word.raw() + "` is masked");
            }
        }
        for (String link : input.links().disguised()) {
            seen.add("`" + link + "` is a disguised link");
        }
        return seen.isEmpty() ? Optional.empty() : Optional.of(ScreeningRule.reason(code(), String.join("; ", seen)));
    }

    private static boolean starMasked(TextTokens.Word word) {
        for (TextTokens.Spelling s : word.spellings()) {
            if (s.how() == Disguise.MASKED && s.stars() && s.hiding()) {
                return true;
            }
        }
        return false;
    }
}
