package dev.copydesk.articles;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.copydesk.articles.Proofs.Change;
import dev.copydesk.articles.Proofs.Line;

import static org.assertj.core.api.Assertions.assertThat;

class ProofsTests {

    @Test
    void unchangedLinesAreSameAndAChangedLineIsRemovedThenAdded() {
        List<Line> lines = Proofs.Redline.lines(List.of("one", "two", "three"), List.of("one", "2", "three", "four"));
        assertThat(lines).containsExactly(
                new Line(Change.SAME, "one"),
                new Line(Change.REMOVED, "two"),
                new Line(Change.ADDED, "2"),
                new Line(Change.SAME, "three"),
                new Line(Change.ADDED, "four"));
    }

    @Test
    void againstNothingEveryLineIsAdded() {
        assertThat(Proofs.Redline.lines(List.of(), List.of("a", "b")))
                .extracting(Line::change).containsExactly(Change.ADDED, Change.ADDED);
    }

    @Test
    void twoLongTextsThatDifferInOneLineAreComparedWithoutATableOfTheirProduct() {
        // 20,000 lines each: an LCS table would hold 400 million cells; Myers' diff needs a few thousand.
        List<String> before = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            before.add("line " + i);
        }
        List<String> after = new java.util.ArrayList<>(before);
        after.set(10_000, "changed");
        List<Line> lines = Proofs.Redline.lines(before, after);
        assertThat(lines).hasSize(20_001);
        assertThat(lines).filteredOn(l -> l.change() != Change.SAME)
                .containsExactly(new Line(Change.REMOVED, "line 10000"), new Line(Change.ADDED, "changed"));
    }
}
