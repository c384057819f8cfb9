package dev.copydesk.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.copydesk.shared.SearchText.Range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTests {

    @Test
    void wordsMatchAcrossAccentsAndCase() {
        assertThat(SearchText.terms("Café CRÈME, crème brûlée; Straße Ångström")).containsExactly(
                "cafe", "creme", "brulee", "strasse", "angstrom");
        assertThat(SearchText.queryTerms("q", "CAFE Brulee")).containsExactly("cafe", "brulee");
    }

    @Test
    void shortWordsAreLeftOutAndLongOnesCut() {
        assertThat(SearchText.terms("a I ok " + "x".repeat(60))).containsExactly("ok", "x".repeat(40));
    }

    @Test
    void aDocumentIndexesABoundedNumberOfDistinctWords() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append("w").append(i).append(' ');
        }
        assertThat(SearchText.terms(body.toString())).hasSize(SearchText.MAX_TERMS);
    }

    @Test
    void aQueryNamesAtMostEightWords() {
        assertThatThrownBy(() -> SearchText.queryTerms("q", "one two three four five six seven eight nine"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("q"));
    }

    @Test
    void highlightsAreRangesOfTheOriginalText() {
        SearchText.Highlight h = SearchText.highlight("Le Café de Flore, café noir", List.of("cafe"), 200);
        assertThat(h.snippet()).isEqualTo("Le Café de Flore, café noir");
        assertThat(h.ranges()).containsExactly(new Range(3, 7), new Range(18, 22));
        assertThat(h.snippet().substring(3, 7)).isEqualTo("Café");
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatch() {
        String text = "x ".repeat(500) + "Upstead " + "y ".repeat(500);
        SearchText.Highlight h = SearchText.highlight(text, List.of("upstead"), 100);
        assertThat(h.snippet()).hasSize(100).contains("Upstead");
        Range r = h.ranges().get(0);
        assertThat(h.snippet().substring(r.start(), r.end())).isEqualTo("Upstead");
    }
}
