package dev.copydesk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;

import dev.copydesk.shared.SearchText;

/**
 * Staff search over a seeded newsroom on the embedded default (H2 file): {@code --comments=1000000}
 * comments and {@code --articles=100000} articles, in 10 sections, bulk-inserted with their search
 * terms by batched JDBC (term rows in primary-key order, see {@link #PERIOD}) into a fresh database (after Flyway, before the service first opens it), then
 * the service starts in its own JVM (1 GB heap) and one user sends each query {@code --rounds=300}
 * times in a row over HTTP (after 50 warm-up calls). Prints p50, p95, p99 and the median's ratio to the
 * baseline {@code GET /api/me} (same login, no database work) measured in the same run.
 *
 * <pre>mvn -Pbench verify -Dbench.search.args="--comments=1000000 --articles=100000"</pre>
 *
 * Seeded text: each comment has one of 10 common words (each in a tenth of all comments) and seven
 * words from seven vocabularies of 1,000 made-up words (each word in ~1/1,000 of the comments), half
 * of them with accents; the author name is one of 5,000 made-up names.
 */
public final class SearchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COMMON = {"match", "goal", "team", "season", "vote", "minister", "show",
            "episode", "fans", "night"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qui",
            "dre"};
    private static final int SLOTS = 7;
    private static final int SLOT_WORDS = 1_000;
    private static final int NAMES = 5_000;
    private static final int CHUNK = 100_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("comments", "1000000", "articles", "100000",
                "rounds", "300"));
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int comments = Integer.parseInt(options.get("comments"));
        int articles = Integer.parseInt(options.get("articles"));
        int rounds = Integer.parseInt(options.get("rounds"));
        // --reuse=DIR: measure a database an earlier run seeded (its seed takes most of the time)
        Path dir = options.containsKey("reuse") ? Path.of(options.get("reuse"))
                : Files.createTempDirectory("copydesk-search-bench");
        // a large page cache for the bulk seed only (the service opens the file with its own settings)
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/copydesk;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=262144";

        long t0 = System.nanoTime();
        if (!options.containsKey("reuse")) {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                seed(c, comments, articles);
            }
            System.out.printf("SEARCH seeded %,d comments and %,d articles in %.0f s%n", comments, articles,
                    (System.nanoTime() - t0) / 1e9);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // the seed wrote every term itself: no backfill competes with the measurement
            s.execute("update search_backfill set state = 'DONE'");
            try (var rs = s.executeQuery("select (select count(*) from reader_comment), (select count(*) from article), "
                    + "(select count(*) from comment_search_term), (select count(*) from article_search_term)")) {
                rs.next();
                System.out.printf("SEARCH database: %,d comments, %,d articles, %,d + %,d term rows%n", rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }

        try (ServiceProcess service = ServiceProcess.start(dir, "1g", List.of(), List.of(),
                Path.of("target", "search-bench", "service.log").toAbsolutePath())) {
            new SearchBenchmark("http://127.0.0.1:" + service.port).run(rounds);
        }
    }

    static String word(int n) {
        StringBuilder w = new StringBuilder();
        int rest = n;
        for (int i = 0; i < 4; i++) {
            w.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        }
        return w.toString();
    }

    /** The word as written: every other word with an accent on its first 'e' or 'a'. */
    static String written(int n) {
        String w = word(n);
        return n % 2 == 0 ? w : w.replaceFirst("e", "é").replaceFirst("a", "à");
    }

    private static String id(String group, long x) {
        return "00000000-0000-4000-" + group + "-" + String.format(Locale.ROOT, "%012d", x);
    }

    private static final int[] PRIMES = {7, 11, 13, 17, 19, 23, 29};

    /** The words of document {@code x}: a common one, then one from each vocabulary. */
    static String[] words(long x) {
        String[] words = new String[SLOTS + 1];
        words[0] = COMMON[(int) (x % COMMON.length)];
        for (int k = 0; k < SLOTS; k++) {
            words[k + 1] = written(k * SLOT_WORDS + (int) ((x * PRIMES[k] + k) % SLOT_WORDS));
        }
        return words;
    }

    /**
     * A document's words depend only on its number modulo {@value #PERIOD} (10, 1,000 and the 5,000 names
     * all divide it), so the term rows can be written in primary-key order, term by term and, within a
     * term, by time, without holding them in memory: every B-tree page of the term table is filled once,
     * in order, instead of millions of inserts all over the key range (what made the first seed crawl
     * at ~250–600 comments/s as the table grew). The terms themselves come from {@link SearchText#terms},
     * the code the application indexes with.
     */
    private static final int PERIOD = 5_000;

    private static String commentBody(long x) {
        return String.join(" ", words(x));
    }

    private static String commentAuthor(long x) {
        return "Rèader" + word(50_000 + (int) ((x * 13) % NAMES));
    }

    private static String articleTitle(String[] words) {
        return words[1] + " " + words[2] + " " + words[0];
    }

    private static void seed(Connection c, int comments, int articles) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < 10; i++) {
                s.execute("insert into section (slug, name, archived, created_at, version) values ('s" + i
                        + "', 'Section " + i + "', false, current_timestamp, 0)");
            }
        }
        java.time.Instant start = java.time.Instant.parse("2025-01-01T00:00:00Z");
        long t0 = System.nanoTime();
        try (PreparedStatement comment = c.prepareStatement("""
                insert into reader_comment (id, article_id, article_slug, section, author_name, author_email,
                    author_key, client_hash, body, body_hash, notify, status, visible, overdue, flag_count,
                    created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?, false, ?, ?, false, 0, ?, 0)""")) {
            for (long x = 1; x <= comments; x++) {
                long article = x % articles;
                String email = "reader" + (x % 200_000) + "@example.org";
                String id = id("8000", x);
                comment.setString(1, id);
                comment.setString(2, id("9000", article));
                comment.setString(3, "seeded-" + article);
                comment.setString(4, "s" + (article % 10));
                comment.setString(5, commentAuthor(x));
                comment.setString(6, email);
                comment.setString(7, dev.copydesk.comments.CommentAuthors.keyOf(email));
                comment.setString(8, commentBody(x));
                comment.setString(9, "h" + x);
                comment.setString(10, switch ((int) (x % 3)) {
                    case 0 -> "PENDING";
                    case 1 -> "APPROVED";
                    default -> "REJECTED";
                });
                comment.setBoolean(11, x % 3 == 1);
                comment.setTimestamp(12, java.sql.Timestamp.from(start.plusSeconds(x)));
                comment.addBatch();
                if (x % 10_000 == 0) {
                    comment.executeBatch();
                    c.commit();
                    if (x % 200_000 == 0) {
                        System.out.printf("SEARCH   comments: %,d (%.0f s)%n", x, (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
            comment.executeBatch();
            c.commit();
        }
        // the comments' terms: body words, and the author's name words with the '~' prefix (CommentSearch)
        java.util.TreeMap<String, List<Integer>> commentTerms = new java.util.TreeMap<>();
        for (int r = 0; r < PERIOD; r++) {
            for (String t : SearchText.terms(commentBody(r))) {
                commentTerms.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
            for (String t : SearchText.terms(commentAuthor(r))) {
                commentTerms.computeIfAbsent("~" + t, k -> new ArrayList<>()).add(r);
            }
        }
        long rows = writeTerms(c, "insert into comment_search_term (term, created_at, comment_id) values (?, ?, ?)",
                commentTerms, 1, comments, x -> java.sql.Timestamp.from(start.plusSeconds(x)), x -> id("8000", x));
        System.out.printf("SEARCH   comment terms: %,d rows (%.0f s)%n", rows, (System.nanoTime() - t0) / 1e9);
        try (PreparedStatement article = c.prepareStatement("""
                insert into article (id, slug, title, summary, body, tags, status, author_id, version,
                    created_at, updated_at, review_overdue, comments_open, premoderation, section)
                values (?, ?, ?, 'Seeded summary', ?, ',', ?, ?, 0, ?, ?, false, true, 'INHERIT', ?)""")) {
            for (long x = 0; x < articles; x++) {
                String[] words = words(x * 7 + 3);
                java.sql.Timestamp at = java.sql.Timestamp.from(start.plusSeconds(x * 10));
                article.setString(1, id("9000", x));
                article.setString(2, "seeded-" + x);
                article.setString(3, articleTitle(words));
                article.setString(4, String.join(" ", words));
                article.setString(5, switch ((int) (x % 4)) {
                    case 0 -> "DRAFT";
                    case 1 -> "IN_REVIEW";
                    case 2 -> "PUBLISHED";
                    default -> "REJECTED";
                });
                article.setString(6, id("a000", x % 50));
                article.setTimestamp(7, at);
                article.setTimestamp(8, at);
                article.setString(9, "s" + (x % 10));
                article.addBatch();
                if (x % 10_000 == 9_999) {
                    article.executeBatch();
                    c.commit();
                }
            }
            article.executeBatch();
            c.commit();
        }
        // an article's terms: title, summary, tags and body (ArticleSearch); words(7x + 3) repeats every PERIOD
        java.util.TreeMap<String, List<Integer>> articleTerms = new java.util.TreeMap<>();
        for (int r = 0; r < PERIOD; r++) {
            String[] words = words(r * 7L + 3);
            for (String t : SearchText.terms(articleTitle(words), "Seeded summary", "", String.join(" ", words))) {
                articleTerms.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        rows = writeTerms(c, "insert into article_search_term (term, created_at, article_id) values (?, ?, ?)",
                articleTerms, 0, articles - 1, x -> java.sql.Timestamp.from(start.plusSeconds(x * 10)),
                x -> id("9000", x));
        System.out.printf("SEARCH   article terms: %,d rows (%.0f s)%n", rows, (System.nanoTime() - t0) / 1e9);
        try (Statement s = c.createStatement()) {
            s.execute("analyze");
        }
        c.commit();
        verify(c, comments, articles);
    }

    /**
     * Writes one term table in primary-key order: terms ascending, each term's documents by time
     * ascending (documents {@code first..last}, whose time and id grow with their number).
     */
    private static long writeTerms(Connection c, String sql, java.util.SortedMap<String, List<Integer>> residues,
            long first, long last, java.util.function.LongFunction<java.sql.Timestamp> at,
            java.util.function.LongFunction<String> id) throws Exception {
        long rows = 0;
        try (PreparedStatement term = c.prepareStatement(sql)) {
            for (Map.Entry<String, List<Integer>> e : residues.entrySet()) {
                for (long block = first / PERIOD * PERIOD; block <= last; block += PERIOD) {
                    for (int r : e.getValue()) {
                        long x = block + r;
                        if (x < first || x > last) {
                            continue;
                        }
                        term.setString(1, e.getKey());
                        term.setTimestamp(2, at.apply(x));
                        term.setString(3, id.apply(x));
                        term.addBatch();
                        if (++rows % 20_000 == 0) {
                            term.executeBatch();
                        }
                        if (rows % 200_000 == 0) {
                            c.commit();
                        }
                    }
                }
            }
            term.executeBatch();
            c.commit();
        }
        return rows;
    }

    /** Spot check: some documents' term rows are exactly the terms the application would have written. */
    private static void verify(Connection c, int comments, int articles) throws Exception {
        java.util.Random random = new java.util.Random(18);
        try (PreparedStatement doc = c.prepareStatement("select body, author_name from reader_comment where id = ?");
                PreparedStatement terms = c.prepareStatement(
                        "select term from comment_search_term where comment_id = ? order by term")) {
            for (int i = 0; i < 50; i++) {
                String id = id("8000", 1 + random.nextInt(comments));
                doc.setString(1, id);
                java.util.Set<String> expected = new java.util.TreeSet<>();
                try (var rs = doc.executeQuery()) {
                    rs.next();
                    expected.addAll(SearchText.terms(rs.getString(1)));
                    SearchText.terms(rs.getString(2)).forEach(t -> expected.add("~" + t));
                }
                terms.setString(1, id);
                java.util.Set<String> found = new java.util.TreeSet<>();
                try (var rs = terms.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                if (!found.equals(expected)) {
                    throw new IllegalStateException("comment " + id + ": terms " + found + ", expected " + expected);
                }
            }
        }
        try (PreparedStatement doc = c.prepareStatement("select title, summary, body from article where id = ?");
                PreparedStatement terms = c.prepareStatement(
                        "select term from article_search_term where article_id = ? order by term")) {
            for (int i = 0; i < 50; i++) {
                String id = id("9000", random.nextInt(articles));
                doc.setString(1, id);
                java.util.Set<String> expected = new java.util.TreeSet<>();
                try (var rs = doc.executeQuery()) {
                    rs.next();
                    expected.addAll(SearchText.terms(rs.getString(1), rs.getString(2), "", rs.getString(3)));
                }
                terms.setString(1, id);
                java.util.Set<String> found = new java.util.TreeSet<>();
                try (var rs = terms.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                if (!found.equals(expected)) {
                    throw new IllegalStateException("article " + id + ": terms " + found + ", expected " + expected);
                }
            }
        }
        System.out.println("SEARCH   spot check: 50 comments' and 50 articles' term rows match SearchText.terms");
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SearchBenchmark(String base) {
        this.base = base;
    }

    private String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String staff(String role, String sections) throws Exception {
        String username = role.toLowerCase(Locale.ROOT) + "-" + System.nanoTime() % 100_000;
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"Bench " + role + "\",\"email\":\""
                + username + "@example.org\",\"password\":\"" + Benchmark.STAFF_PASSWORD + "\",\"roles\":[\"" + role
                + "\"]" + (sections == null ? "" : ",\"sections\":{\"" + role + "\":" + sections + "}") + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/accounts"))
                .header("Authorization", basic("admin", Benchmark.ADMIN_PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("account: " + r.statusCode() + " " + r.body());
        }
        return basic(username, Benchmark.STAFF_PASSWORD);
    }

    private record Query(String name, String login, String path) {
    }

    private void run(int rounds) throws Exception {
        String moderator = staff("MODERATOR", null);
        String deskModerator = staff("MODERATOR", "[\"s1\",\"s2\",\"s3\"]");
        String editor = staff("EDITOR", null);
        String deskEditor = staff("EDITOR", "[\"s4\",\"s5\"]");
        String rare = URLEncoder.encode(written(1 + 2 * 3).toUpperCase(Locale.ROOT), StandardCharsets.UTF_8);
        String rare2 = URLEncoder.encode(word(3 * SLOT_WORDS + 5), StandardCharsets.UTF_8);
        String name = URLEncoder.encode("reader" + word(50_000 + 17), StandardCharsets.UTF_8);
        List<Query> queries = List.of(
                new Query("baseline GET /api/me", moderator, "/api/me"),
                new Query("comments: one rare word (in 1/1,000 of comments), newsroom moderator", moderator,
                        "/api/moderation/comments/search?q=" + rare),
                new Query("comments: one common word (in 1/10 of comments)", moderator,
                        "/api/moderation/comments/search?q=goal"),
                new Query("comments: common AND rare word", moderator,
                        "/api/moderation/comments/search?q=goal+" + rare),
                new Query("comments: two rare words (no document has both)", moderator,
                        "/api/moderation/comments/search?q=" + rare + "+" + rare2),
                new Query("comments: rare word, moderator of 3 of 10 sections", deskModerator,
                        "/api/moderation/comments/search?q=" + rare),
                new Query("comments: rare word + status=PENDING", moderator,
                        "/api/moderation/comments/search?q=" + rare + "&status=PENDING"),
                new Query("comments: by email (1 comment per 200,000)", moderator,
                        "/api/moderation/comments/search?email=reader4242@example.org"),
                new Query("comments: by author name (1/5,000 of comments)", moderator,
                        "/api/moderation/comments/search?author=" + name),
                new Query("articles: one rare word (1/1,000 of articles), newsroom editor", editor, "/api/articles/search?q=" + rare),
                new Query("articles: common word, editor of 2 of 10 sections", deskEditor,
                        "/api/articles/search?q=goal"),
                new Query("articles: rare word + status, editor of 2 sections", deskEditor,
                        "/api/articles/search?q=" + rare + "&status=DRAFT"));
        List<String> rows = new ArrayList<>();
        double baseline = 0;
        for (Query q : queries) {
            long[] times = new long[rounds];
            int hits = -1;
            for (int i = -50; i < rounds; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + q.path()))
                        .header("Authorization", q.login()).GET().build(), HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(q.name() + ": " + r.statusCode() + " " + r.body());
                }
                if (i >= 0) {
                    times[i] = took;
                }
                if (i == 0) {
                    JsonNode items = JSON.readTree(r.body()).get("items");
                    hits = items == null ? -1 : items.size();
                }
            }
            Arrays.sort(times);
            double median = times[rounds / 2] / 1e6;
            double p95 = times[(int) Math.ceil(rounds * 0.95) - 1] / 1e6;
            double p99 = times[(int) Math.ceil(rounds * 0.99) - 1] / 1e6;
            if (baseline == 0) {
                baseline = median;
            }
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.1f× |", q.name(),
                    hits < 0 ? "—" : String.valueOf(hits), median, p95, p99, median / baseline));
        }
        System.out.println("| query (one user, " + rounds + " calls each) | items on page 1 | p50 ms | p95 ms | p99 ms | p50 vs baseline |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }
}
