package dev.copydesk.moderation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * How one character reads for matching: lower case, compatibility forms unfolded and accents dropped
 * (NFKC case folding, then NFD without marks: {@code Ü} → {@code u}, {@code ｆ} → {@code f}), and a
 * letter that only looks like a Latin one read as that letter through its Unicode confusable
 * skeleton (UTS #39, ICU's {@link SpoofChecker}: Cyrillic {@code с} → {@code c}, Greek {@code Α} →
 * {@code a}, {@code ı ƒ ɨ đ ø ł} → {@code i f i d o l}) or, for small capitals the skeleton keeps,
 * a short table ({@code ꜰᴜᴄᴋ}). ASCII is read as it is (lower-cased): leetspeak digits are handled by
 * the tokens, and the skeleton's ASCII folds ({@code m} → {@code rn}) would only add false matches.
 * Invisible format characters (zero-width space and joiner, soft hyphen) read as nothing.
 */
final class LookAlikes {

    /**
     * @param text      the reading, usually one character, empty for invisible ones
     * @param lookAlike the character is not plain or accented Latin but reads as a Latin letter
     * @param script    the ICU script code of the character
     */
    record Reading(String text, boolean lookAlike, int script) {
    }

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();
    private static final String SMALL_CAPITALS = "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpꞯqʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzĸk";
    private static final Reading[] ASCII = new Reading[128];
    private static final Map<Integer, Reading> OTHERS = new ConcurrentHashMap<>();

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = new Reading(String.valueOf(Character.toLowerCase((char) c)), false,
                    Character.isLetter(c) ? UScript.LATIN : UScript.COMMON);
        }
    }

    private LookAlikes() {
    }

    static Reading of(int codePoint) {
        if (codePoint < 128) {
            return ASCII[codePoint];
        }
        Reading known = OTHERS.get(codePoint);
        if (known == null) {
            known = read(codePoint);
            if (OTHERS.size() < 50_000) {
                OTHERS.put(codePoint, known);
            }
        }
        return known;
    }

    private static Reading read(int codePoint) {
        int script = UScript.getScript(codePoint);
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return new Reading("", false, script);
        }
        String original = new String(Character.toChars(codePoint));
        int small = SMALL_CAPITALS.indexOf(original);
        if (small >= 0 && small % 2 == 0) {
            return new Reading(String.valueOf(SMALL_CAPITALS.charAt(small + 1)), true, script);
        }
        String folded = withoutMarks(NFKC_CASEFOLD.normalize(original));
        if (ascii(folded)) {
            // accents, ligatures and ß are plain Latin; full-width and mathematical letters are a disguise
            boolean plain = script == UScript.LATIN
                    && Character.UnicodeBlock.of(codePoint) != Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
            return new Reading(folded, !plain && Character.isLetter(codePoint), script);
        }
        if (Character.isLetter(codePoint)) {
            String skeleton = smallCapitals(withoutMarks(NFKC_CASEFOLD.normalize(SKELETONS.getSkeleton(original))));
            if (ascii(skeleton) && skeleton.chars().allMatch(Character::isLetter)) {
                return new Reading(skeleton, true, script);
            }
        }
        return new Reading(folded, false, script);
    }

    /** Small capitals as the letters they are (the skeleton of Cyrillic т is ᴛ). */
    private static String smallCapitals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int at = SMALL_CAPITALS.indexOf(text.charAt(i));
            out.append(at >= 0 && at % 2 == 0 ? SMALL_CAPITALS.charAt(at + 1) : text.charAt(i));
        }
        return out.toString();
    }

    private static String withoutMarks(String text) {
        String decomposed = NFD.normalize(text);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean ascii(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The script's name for a reason detail ("Cyrillic"). */
    static String scriptName(int script) {
        return UScript.getName(script);
    }
}
