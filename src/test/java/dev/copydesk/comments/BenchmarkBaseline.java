package dev.copydesk.comments;

import java.time.Clock;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.NotFoundException;

/**
 * The benchmark's insert-only baseline (docs/benchmarks.md), test scope and {@code bench} profile only:
 * the comment row that {@link CommentIntake} stores, built by the same code (text cleaning, author key,
 * keyed client hash, duplicate hash, the {@link Comment} entity through its repository), and nothing
 * else: no flood control, no idempotency, no workflow, screening or history. So the benchmark's ratio
 * intake / baseline is the cost of everything intake adds to storing the row.
 */
@Service
@Profile("bench")
public class BenchmarkBaseline {

    private final CommentRepository comments;
    private final PublishedArticles articles;
    private final ClientAddresses clients;
    private final Clock clock;

    BenchmarkBaseline(CommentRepository comments, PublishedArticles articles, ClientAddresses clients, Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.clients = clients;
        this.clock = clock;
    }

    /** Stores the row as intake would, still awaiting screening; answers its id and status. */
    @Transactional
    public IntakeAnswer store(String slug, NewComment request, String clientAddress) {
        PublishedArticle article = articles.findBySlug(slug).orElseThrow(() -> new NotFoundException("Article", slug));
        String body = CommentText.cleanBody(request.body());
        String email = request.authorEmail().trim();
        Comment comment = new Comment(Ids.newId(), article.id(), article.slug(), article.section(), null,
                CommentText.cleanName(request.authorName()), email, CommentAuthors.keyOf(email),
                clients.hash(clientAddress), body, CommentText.duplicateHash(body), request.wantsNotification(),
                clock.instant());
        comments.saveAndFlush(comment);
        return new IntakeAnswer(comment.id(), comment.status(), java.util.List.of());
    }
}
