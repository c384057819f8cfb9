package dev.copydesk.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextHygieneTests {

    @Test
    void oneLineDropsControlBidiAndEveryZeroWidthCharacterAndTurnsBreaksIntoSpaces() {
        assertThat(TextHygiene.oneLine("f", "Edith Editor\u200b")).isEqualTo("Edith Editor");
        assertThat(TextHygiene.oneLine("f", "a\u0000b\u007fc\u009fd\u202ae\u202ef\u2066g\u2069h\u200ei\u200fj\u061ck"))
                .isEqualTo("abcdefghijk");
        assertThat(TextHygiene.oneLine("f", "a\u200bb\u200cc\u200dd\u2060e\ufefff")).isEqualTo("abcdef");
        assertThat(TextHygiene.oneLine("f", "one\ntwo\r\nthree\tfour")).isEqualTo("one two  three four");
    }

    @Test
    void multiLineKeepsLineFeedsTabsZwnjAndZwjButDropsTheRest() {
        assertThat(TextHygiene.multiLine("f", "a\r\nb\rc\td\u0000e")).isEqualTo("a\nb\nc\tde");
        assertThat(TextHygiene.multiLine("f", "\ud83d\udc69\u200d\ud83d\udcbb \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"))
                .isEqualTo("\ud83d\udc69\u200d\ud83d\udcbb \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645");
        assertThat(TextHygiene.multiLine("f", "x\u200by\u2060z\ufeff\u202e")).isEqualTo("xyz");
    }

    @Test
    void cleanTextIsReturnedAsItIsAndCleaningTwiceChangesNothing() {
        String clean = "Plain text, \u00e9t\u00e9, \ud83d\ude00";
        assertThat(TextHygiene.oneLine("f", clean)).isSameAs(clean);
        String once = TextHygiene.multiLine("f", "a\u200b\r\nb\u202e");
        assertThat(TextHygiene.multiLine("f", once)).isEqualTo(once);
        assertThat(TextHygiene.oneLine("f", null)).isNull();
    }

    @Test
    void unpairedSurrogatesAreRefusedNamingTheFieldWhilePairsPass() {
        for (String broken : new String[] {"\ud800", "a\udc00b", "\ud83d", "x\ude00\ud83d"}) {
            assertThatThrownBy(() -> TextHygiene.multiLine("body", broken))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("body"));
        }
        assertThat(TextHygiene.hasUnpairedSurrogate("\ud83d\ude00")).isFalse();
        assertThat(TextHygiene.hasUnpairedSurrogate("\ude00\ud83d")).isTrue();
    }
}
