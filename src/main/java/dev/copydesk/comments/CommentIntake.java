package dev.copydesk.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.articles.PublishedArticles;
import dev.copydesk.shared.ConflictException;
import dev.copydesk.shared.Ids;
import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.NotFoundException;

/**
 * Takes readers' comments in three steps: checks the idempotency key, the article and the reply;
 * applies flood control in a short transaction of its own (so the shared bucket rows of an author or
 * an address are locked for milliseconds, not for the whole intake, and one connection is held at a
 * time); then stores the comment and runs it through the moderation process in one transaction, so a
 * comment is either stored with its screening outcome or not at all.
 */
@Service
public class CommentIntake {

    static final Duration IDEMPOTENCY_TTL = Duration.ofDays(1);
    public static final int MAX_BODY = 4000;

    private final CommentRepository comments;
    private final IdempotencyRepository idempotency;
    private final PublishedArticles articles;
    private final ModerationGate moderation;
    private final FloodControl flood;
    private final ClientAddresses clients;
    private final ObjectMapper json;
    private final Clock clock;
    private final CommentSearch search;
    private final TransactionTemplate transaction;

    CommentIntake(CommentRepository comments, IdempotencyRepository idempotency, PublishedArticles articles,
            ModerationGate moderation, FloodControl flood, ClientAddresses clients, ObjectMapper json, Clock clock,
            CommentSearch search, PlatformTransactionManager transactions) {
        this.search = search;
        this.transaction = new TransactionTemplate(transactions);
        this.comments = comments;
        this.idempotency = idempotency;
        this.articles = articles;
        this.moderation = moderation;
        this.flood = flood;
        this.clients = clients;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores and screens a comment. With an {@code idempotencyKey} already used for this article within
     * a day, answers what the first request got instead (409 when that key came with another comment).
     */
    public IntakeAnswer submit(String slug, NewComment request, String clientAddress, String idempotencyKey) {
        String name = CommentText.cleanName(request.authorName());
        String body = CommentText.cleanBody(request.body());
        String email = request.authorEmail().trim();
        if (name.isEmpty()) {
            throw new InvalidRequestException("authorName", "must not be blank");
        }
        if (body.isEmpty()) {
            throw new InvalidRequestException("body", "must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidRequestException("body", "must be at most " + MAX_BODY + " characters");
        }
        String keyHash = idempotencyKey == null ? null : CommentAuthors.sha256(slug + "\n" + idempotencyKey);
        String fingerprint = CommentAuthors.sha256(String.join("\n", email.toLowerCase(Locale.ROOT), name, body,
                String.valueOf(request.parentId())));
        Instant now = clock.instant();
        Checked checked = transaction.execute(s -> check(slug, request, keyHash, fingerprint, now));
        if (checked.earlier() != null) {
            return checked.earlier();
        }
        PublishedArticle article = checked.article();
        String parentId = checked.parentId();
        String authorKey = CommentAuthors.keyOf(email);
        String clientHash = clients.hash(clientAddress);
        // Own transaction (or the caller's, when there is one): a refused comment counts nothing.
        flood.admit(authorKey, clientHash, moderation.commentsPerMinute());

        return transaction.execute(s -> store(article, parentId, name, email, authorKey, clientHash, body, request,
                keyHash, fingerprint, now));
    }

    /** What intake checks before flood control; {@code earlier} is the first answer to a replayed key. */
    private record Checked(IntakeAnswer earlier, PublishedArticle article, String parentId) {
    }

    private Checked check(String slug, NewComment request, String keyHash, String fingerprint, Instant now) {
        if (keyHash != null) {
            Optional<IntakeAnswer> earlier = replay(keyHash, fingerprint, now);
            if (earlier.isPresent()) {
                return new Checked(earlier.get(), null, null);
            }
        }
        PublishedArticle article = articles.findBySlug(slug).orElseThrow(() -> new NotFoundException("Article", slug));
        if (!article.commentsOpen()) {
            throw new ConflictException("Comments on this article are closed");
        }
        String parentId = request.parentId() == null || request.parentId().isBlank() ? null : request.parentId();
        if (parentId != null) {
            boolean replyable = Ids.isWellFormed(parentId) && comments.findByIdAndVisibleTrue(parentId)
                    .filter(p -> p.articleId().equals(article.id())).isPresent();
            if (!replyable) {
                throw new InvalidRequestException("parentId", "must be a visible comment of this article");
            }
        }
        return new Checked(null, article, parentId);
    }

    private IntakeAnswer store(PublishedArticle article, String parentId, String name, String email, String authorKey,
            String clientHash, String body, NewComment request, String keyHash, String fingerprint, Instant now) {
        Comment comment = new Comment(Ids.newId(), article.id(), article.slug(), article.section(), parentId, name, email, authorKey,
                clientHash, body, CommentText.duplicateHash(body), request.wantsNotification(), now);
        comments.saveAndFlush(comment);
        search.index(comment.id(), comment.createdAt(), name, body);
        moderation.screen(comment.id(), article.premoderation());
        IntakeAnswer answer = new IntakeAnswer(comment.id(), comment.status(),
                comment.reasons().stream().map(CommentReason::code).toList());
        if (keyHash != null) {
            idempotency.saveAndFlush(new IdempotencyRecord(keyHash, fingerprint, write(answer), now));
        }
        return answer;
    }

    /** The first answer to a key, after a concurrent duplicate lost the race to store it. */
    @Transactional(readOnly = true)
    public Optional<IntakeAnswer> replay(String slug, String idempotencyKey) {
        String keyHash = CommentAuthors.sha256(slug + "\n" + idempotencyKey);
        return idempotency.findById(keyHash).map(r -> read(r.answer()));
    }

    private Optional<IntakeAnswer> replay(String keyHash, String fingerprint, Instant now) {
        Optional<IdempotencyRecord> record = idempotency.findById(keyHash);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (record.get().createdAt().isBefore(now.minus(IDEMPOTENCY_TTL))) {
            idempotency.delete(record.get());
            idempotency.flush();
            return Optional.empty();
        }
        if (!record.get().fingerprint().equals(fingerprint)) {
            throw new ConflictException("This Idempotency-Key was already used for a different comment");
        }
        return Optional.of(read(record.get().answer()));
    }

    /** Idempotency keys live a day; older ones are removed every hour. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetExpiredIdempotencyKeys() {
        idempotency.deleteOlderThan(clock.instant().minus(IDEMPOTENCY_TTL));
    }

    private String write(IntakeAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private IntakeAnswer read(String answer) {
        try {
            return json.readValue(answer, IntakeAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
