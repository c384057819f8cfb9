package dev.copydesk.moderation;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.comments.CommentReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What gets through: the labelled corpus {@code screening-corpus.tsv} (kind, expected, text; 375
 * comments) and {@code screening-corpus-fresh.tsv} (79 more, written after the first round of fixes
 * and not tuned against) run
 * through the screening rules with the default settings, for a trusted author, and the real DMN
 * table decides. Expected is REJECT (should be rejected), HOLD (must reach a human: held or
 * rejected) or APPROVE (innocent). Prints the confusion table per kind and fails below the targets
 * of issue 13:
 * <ul>
 * <li>of REJECT comments, at least 97 % never reach the public without a human, 85 % rejected outright;</li>
 * <li>of HOLD comments, at least 97 % never reach the public without a human;</li>
 * <li>of APPROVE comments, at most 1 % rejected and at least 95 % approved without a hold.</li>
 * </ul>
 */
class ScreeningCorpusTests {

    static final String[] OUTCOMES = {"APPROVE", "HOLD", "REJECT"};

    static DmnEngine dmn;
    static DmnDecision policy;
    static List<Labelled> corpus;
    static List<Labelled> fresh;

    record Labelled(String kind, String expected, String text) {
    }

    record Screened(Labelled comment, String outcome, List<CommentReason> reasons) {
    }

    @BeforeAll
    static void load() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ScreeningCorpusTests.class.getResourceAsStream("/comment-screening.dmn")) {
            policy = dmn.parseDecision("comment-screening", in);
        }
        fresh = read("/screening-corpus-fresh.tsv");
        corpus = new ArrayList<>(read("/screening-corpus.tsv"));
        corpus.addAll(fresh);
    }

    static List<Labelled> read(String resource) throws Exception {
        List<Labelled> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ScreeningCorpusTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", 3);
                    rows.add(new Labelled(f[0], f[1], f[2]));
                }
            }
        }
        return rows;
    }

    static Screened screen(Labelled comment, CompiledSettings settings) {
        ScreeningInput input = ScreeningInput.of(comment.text(), 3, null, null, CommentPremoderation.INHERIT);
        List<CommentReason> reasons = Screening.evaluate(input, settings);
        String outcome = dmn.evaluateDecisionTable(policy, new ScreeningResult(reasons, null).decisionInputs())
                .getSingleResult().getSingleEntry();
        return new Screened(comment, outcome, reasons);
    }

    @Test
    void theCorpusHasEveryKindAndIsLargeEnough() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
        assertThat(corpus).extracting(Labelled::kind).contains("fan", "scunthorpe", "names", "non-english",
                "shouting", "link-spam", "disguised-link", "masked", "look-alike", "glued", "variant", "leet", "split",
                "compound", "spaced", "invisible", "emoji");
        assertThat(corpus).extracting(Labelled::expected).allMatch(e -> List.of(OUTCOMES).contains(e));
    }

    @Test
    void disguisedAbuseIsHeldOrRejectedAndInnocentWordsPass() {
        CompiledSettings settings = CompiledSettings.of(ModerationSettings.defaults());
        List<Screened> results = corpus.stream().map(c -> screen(c, settings)).toList();

        System.out.println(table(results));
        System.out.println("Of which written after the first round of fixes (screening-corpus-fresh.tsv):");
        System.out.println(table(results.stream().filter(r -> fresh.contains(r.comment())).toList()));
        results.stream().filter(r -> !r.outcome().equals(r.comment().expected()))
                .forEach(r -> System.out.println("  " + r.comment().expected() + " -> " + r.outcome() + " ["
                        + r.comment().kind() + "] " + r.comment().text() + "  " + r.reasons()));

        assertThat(share(results, "REJECT", "HOLD", "REJECT")).as("should-reject comments held or rejected").isGreaterThanOrEqualTo(0.97);
        assertThat(share(results, "REJECT", "REJECT")).as("should-reject comments rejected").isGreaterThanOrEqualTo(0.85);
        assertThat(share(results, "HOLD", "HOLD", "REJECT")).as("should-hold comments held or rejected").isGreaterThanOrEqualTo(0.97);
        assertThat(share(results, "APPROVE", "REJECT")).as("innocent comments rejected").isLessThanOrEqualTo(0.01);
        assertThat(share(results, "APPROVE", "APPROVE")).as("innocent comments approved").isGreaterThanOrEqualTo(0.95);
    }

    /** Of the comments labelled {@code expected}, the share whose outcome is one of {@code outcomes}. */
    static double share(List<Screened> results, String expected, String... outcomes) {
        List<Screened> labelled = results.stream().filter(r -> r.comment().expected().equals(expected)).toList();
        long hits = labelled.stream().filter(r -> List.of(outcomes).contains(r.outcome())).count();
        return labelled.isEmpty() ? 1.0 : (double) hits / labelled.size();
    }

    /** A Markdown table: per kind and expected outcome, how many were approved, held, rejected. */
    static String table(List<Screened> results) {
        Map<String, int[]> rows = new TreeMap<>();
        for (Screened r : results) {
            String key = r.comment().expected() + " | " + r.comment().kind();
            rows.computeIfAbsent(key, k -> new int[3])[List.of(OUTCOMES).indexOf(r.outcome())]++;
        }
        StringBuilder out = new StringBuilder("| expected | kind | n | approved | held | rejected |\n|---|---|---|---|---|---|\n");
        int[] total = new int[3];
        rows.forEach((key, counts) -> {
            out.append("| ").append(key).append(" | ").append(counts[0] + counts[1] + counts[2]);
            for (int i = 0; i < 3; i++) {
                out.append(" | ").append(counts[i]);
                total[i] += counts[i];
            }
            out.append(" |\n");
        });
        out.append(String.format(Locale.ROOT, "| all | | %d | %d | %d | %d |%n", results.size(), total[0], total[1], total[2]));
        for (String expected : OUTCOMES) {
            out.append(String.format(Locale.ROOT, "%s: %.1f%% approved, %.1f%% held, %.1f%% rejected%n", expected,
                    100 * share(results, expected, "APPROVE"), 100 * share(results, expected, "HOLD"),
                    100 * share(results, expected, "REJECT")));
        }
        return out.toString();
    }
}
