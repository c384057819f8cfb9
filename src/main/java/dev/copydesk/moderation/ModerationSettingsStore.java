package dev.copydesk.moderation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.copydesk.shared.InvalidRequestException;
import dev.copydesk.shared.outbound.OutboundAddressPolicy;

/**
 * The moderation settings, read on every comment: served from memory, compiled (word lists ready to
 * match), reloaded from the database after a change on this node and at least every few seconds so a
 * change made on another node arrives soon too.
 */
@Service
public class ModerationSettingsStore {

    static final Duration RELOAD_AFTER = Duration.ofSeconds(5);
    /** The Spring cache of the compiled settings, one entry, reloaded {@link #RELOAD_AFTER} after loading. */
    static final String CACHE = "moderation-settings";
    private static final String CURRENT = "current";
    static final int MAX_WORDS = 2000;

    private final ModerationSettingsRepository rows;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboundAddressPolicy addresses;
    private final Cache cache;

    ModerationSettingsStore(ModerationSettingsRepository rows, ObjectMapper json, Clock clock,
            OutboundAddressPolicy addresses, CacheManager caches) {
        this.cache = caches.getCache(CACHE);
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.addresses = addresses;
    }

    public ModerationSettings current() {
        return compiled().settings();
    }

    CompiledSettings compiled() {
        return cache.get(CURRENT, () -> CompiledSettings.of(load()));
    }

    /** Replaces all settings (ADMIN); 400 naming the field when one is invalid. */
    @Transactional
    public ModerationSettings replace(ModerationSettings settings, String actor) {
        validate(settings);
        if (settings.external() != null) {
            // The same address policy as webhooks; checked again before every call (ExternalModeration).
            addresses.refusalAtSave(settings.external().url()).ifPresent(reason -> {
                throw new InvalidRequestException("external.url", "The URL " + reason);
            });
        }
        String document = write(settings);
        ModerationSettingsRow row = rows.findById(ModerationSettingsRow.ID).orElse(null);
        if (row == null) {
            rows.save(new ModerationSettingsRow(document, clock.instant(), actor));
        } else {
            row.change(document, clock.instant(), actor);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.evict(CURRENT);
                }
            });
        }
        cache.evict(CURRENT);
        return read(document);
    }

    private ModerationSettings load() {
        return rows.findById(ModerationSettingsRow.ID).map(r -> read(r.document())).orElseGet(ModerationSettings::defaults);
    }

    static void validate(ModerationSettings s) {
        words("bannedWords", s.bannedWords());
        words("suspectWords", s.suspectWords());
        range("maxLinks", s.maxLinks(), 0, 100);
        range("trustAfterApproved", s.trustAfterApproved(), 0, 1000);
        range("flagThreshold", s.flagThreshold(), 1, 1000);
        range("commentsPerMinute", s.commentsPerMinute(), 1, 100_000);
        range("shoutingMinLetters", s.shoutingMinLetters(), 1, 10_000);
        if (s.queueSla() == null) {
            throw new InvalidRequestException("queueSla", "must be an ISO-8601 duration such as PT2H");
        }
        try {
            Duration sla = Duration.parse(s.queueSla());
            if (sla.isNegative() || sla.isZero() || sla.compareTo(Duration.ofDays(30)) > 0) {
                throw new InvalidRequestException("queueSla", "must be more than zero and at most 30 days");
            }
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("queueSla", "must be an ISO-8601 duration such as PT2H");
        }
        if (s.external() != null) {
            String url = s.external().url();
            URI uri;
            try {
                uri = url == null ? null : URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidRequestException("external.url", "must be an http or https URL");
            }
            range("external.timeoutMillis", s.external().timeoutMillis(), 50, 10_000);
        }
    }

    /** 400 naming the field unless the list is a valid word list (as in the settings). */
    static void checkWords(String field, List<String> words) {
        words(field, words);
    }

    private static void words(String field, List<String> words) {
        if (words.size() > MAX_WORDS) {
            throw new InvalidRequestException(field, "must have at most " + MAX_WORDS + " entries");
        }
        for (String word : words) {
            if (word == null || word.isBlank() || word.length() > 60 || TextTokens.entryTokens(word).isEmpty()) {
                throw new InvalidRequestException(field, "entries must be 1 to 60 characters with a letter or digit");
            }
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRequestException(field, "must be between " + min + " and " + max);
        }
    }

    private String write(ModerationSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ModerationSettings read(String document) {
        try {
            return json.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(document, ModerationSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored moderation settings cannot be read", e);
        }
    }
}
