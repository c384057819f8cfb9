package dev.copydesk.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    @Test
    void signatureIsHexHmacSha256OverTimestampDotBody() {
        // Reference: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
    }

    @Test
    void receiverAcceptsTheRightSignatureAndRefusesATamperedBodyOrTimestamp() {
        String signature = WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}");

        assertThat(WebhookSignature.matches("secret", 1_700_000_000L, "{\"a\":1}", signature)).isTrue();
        assertThat(WebhookSignature.matches("secret", 1_700_000_000L, "{\"a\":2}", signature)).isFalse();
        assertThat(WebhookSignature.matches("secret", 1_700_000_001L, "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.matches("other", 1_700_000_000L, "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.matches("secret", 1_700_000_000L, "{\"a\":1}", null)).isFalse();
    }
}
