package dev.copydesk.comments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a reader's client address into a keyed hash (HMAC-SHA256 with {@code copydesk.comments.client-hash-key}).
 * Only the hash is stored or kept in memory: without the key it cannot be turned back into an address.
 */
@Component
class ClientAddresses {

    private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);
    private final SecretKeySpec key;

    ClientAddresses(CommentsProperties properties) {
        byte[] secret;
        if (properties.clientHashKey() == null || properties.clientHashKey().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("copydesk.comments.client-hash-key is not set: client address hashes use a random key for this run");
        } else {
            secret = properties.clientHashKey().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
