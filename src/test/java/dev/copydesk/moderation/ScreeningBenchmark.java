package dev.copydesk.moderation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.copydesk.articles.CommentPremoderation;

/**
 * CPU time of screening one 1,000-character comment (all local rules, the text read once for every
 * word rule; no database, no DMN), with the default word lists and with 2,000 banned entries (the
 * most the settings allow). The comments are cut from the labelled corpus, so they carry its
 * disguises. Run by {@code mvn -Pbench verify} before the HTTP benchmark. It says whether the default
 * lists stay under 0.5 ms; with {@code -Dscreening.bench.strict=true} it also exits 1 when they do not
 * (a loaded machine inflates CPU time too, so by default it only reports).
 *
 * <pre>mvn -Pbench verify -Dbench.args=--smoke    # also runs this
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.copydesk.moderation.ScreeningBenchmark</pre>
 */
public final class ScreeningBenchmark {

    static final int LENGTH = 1000;
    static final double LIMIT_MICROS = 500;

    public static void main(String[] args) throws Exception {
        List<String> comments = comments();
        CompiledSettings defaults = CompiledSettings.of(ModerationSettings.defaults());
        CompiledSettings large = CompiledSettings.of(withBannedWords(2000));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        run(comments, defaults, cpu, 8_000_000_000L); // warm-up: class loading, JIT, look-alike cache
        double typical = run(comments, defaults, cpu, 5_000_000_000L);
        run(comments, large, cpu, 2_000_000_000L);
        double most = run(comments, large, cpu, 5_000_000_000L);
        System.out.printf(Locale.ROOT, "screening, %d-character comments: %.1f µs CPU each with the default lists,"
                + " %.1f µs with 2,000 banned entries (limit %.0f µs)%n", LENGTH, typical, most, LIMIT_MICROS);
        System.out.println(typical <= LIMIT_MICROS ? "within the limit" : "OVER THE LIMIT");
        System.exit(typical <= LIMIT_MICROS || !Boolean.getBoolean("screening.bench.strict") ? 0 : 1);
    }

    /** Microseconds of this thread's CPU per comment, screening round-robin for about {@code cpuNanos}. */
    static double run(List<String> comments, CompiledSettings settings, ThreadMXBean cpu, long cpuNanos) {
        long start = cpu.getCurrentThreadCpuTime();
        long screened = 0;
        int found = 0;
        while (cpu.getCurrentThreadCpuTime() - start < cpuNanos) {
            for (int i = 0; i < 100; i++) {
                String body = comments.get((int) (screened++ % comments.size()));
                found += Screening.evaluate(ScreeningInput.of(body, 3, null, null, CommentPremoderation.INHERIT),
                        settings).size();
            }
        }
        if (found < 0) {
            throw new IllegalStateException();
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / screened;
    }

    /** The corpus, shuffled into 1,000-character comments at word boundaries. */
    static List<String> comments() throws Exception {
        List<ScreeningCorpusTests.Labelled> corpus = new ArrayList<>(ScreeningCorpusTests.read("/screening-corpus.tsv"));
        corpus.addAll(ScreeningCorpusTests.read("/screening-corpus-fresh.tsv"));
        List<String> comments = new ArrayList<>();
        java.util.Random random = new java.util.Random(13);
        for (int n = 0; n < 500; n++) {
            StringBuilder body = new StringBuilder(LENGTH + 200);
            while (body.length() < LENGTH) {
                body.append(corpus.get(random.nextInt(corpus.size())).text()).append(' ');
            }
            comments.add(body.substring(0, LENGTH));
        }
        return comments;
    }

    static ModerationSettings withBannedWords(int n) {
        ModerationSettings d = ModerationSettings.defaults();
        List<String> words = new ArrayList<>(d.bannedWords());
        java.util.Random random = new java.util.Random(7);
        while (words.size() < n) {
            StringBuilder w = new StringBuilder();
            int length = 4 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words.add(w.toString());
        }
        return new ModerationSettings(words, d.suspectWords(), d.maxLinks(), d.premoderation(), d.trustAfterApproved(),
                d.flagThreshold(), d.commentsPerMinute(), d.queueSla(), d.rules(), d.shoutingMinLetters(), d.external());
    }
}
