package dev.copydesk.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.copydesk.shared.NotFoundException;

/**
 * Commenters' unsubscribe links: one random token per address (known only by its SHA-256), which
 * stops every further commenter mail to that address. Works without an account.
 */
@Service
@Transactional(readOnly = true)
public class CommenterMailPreferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommenterMailPreferenceRepository preferences;
    private final Clock clock;

    CommenterMailPreferences(CommenterMailPreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The unsubscribe token for an address, made on first use. */
    @Transactional
    public String tokenFor(String email) {
        String hash = hash(email);
        return preferences.findById(hash).orElseGet(() -> preferences.saveAndFlush(
                new CommenterMailPreference(hash, newToken(), Instant.now(clock)))).token();
    }

    public boolean hasUnsubscribed(String email) {
        return preferences.findById(hash(email)).map(CommenterMailPreference::unsubscribed).orElse(false);
    }

    /** Stops commenter mail to the address behind {@code token}; 404 for an unknown token. Idempotent. */
    @Transactional
    public void unsubscribe(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw new NotFoundException("Unsubscribe token", "given");
        }
        preferences.findByToken(token)
                .orElseThrow(() -> new NotFoundException("Unsubscribe token", "given"))
                .unsubscribe(Instant.now(clock));
    }

    static String hash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
