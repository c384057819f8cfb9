package dev.copydesk.notifications;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code v1=} and the hex HMAC-SHA256, keyed with the endpoint's secret, of
 * {@code timestamp + "." + body} (timestamp in unix seconds, body the exact bytes sent).
 */
public final class WebhookSignature {

    public static final String EVENT_ID_HEADER = "Copydesk-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Copydesk-Event-Type";
    public static final String TIMESTAMP_HEADER = "Copydesk-Timestamp";
    public static final String SIGNATURE_HEADER = "Copydesk-Signature";
    public static final String SCHEME = "v1=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Constant-time check of a received signature header, as a receiver would do it. */
    public static boolean matches(String secret, long timestamp, String body, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
