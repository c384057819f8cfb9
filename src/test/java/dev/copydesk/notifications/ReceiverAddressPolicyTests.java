package dev.copydesk.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverAddressPolicyTests {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebound.example.com", "169.254.169.254",
            "intranet.example.com", "10.0.0.7");

    private static ReceiverAddressPolicy policy(boolean allowPrivate) {
        WebhookSettings settings = new WebhookSettings(allowPrivate, Duration.ofSeconds(5), Duration.ofSeconds(10), 6,
                Duration.ofSeconds(10), Duration.ofHours(1));
        return new ReceiverAddressPolicy(settings, host -> {
            String address = DNS.get(host);
            if (address != null) {
                return new InetAddress[] {InetAddress.getByName(address)};
            }
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/", "http://metadata.google.internal/", "http://[fd00:ec2::254]/",
            "http://[fe80::1]/", "http://169.254.0.1/", "http://100.100.100.200/", "http://[::ffff:169.254.169.254]/",
            "http://224.0.0.1/", "http://rebound.example.com/"})
    void metadataLinkLocalAndMulticastAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
        assertThat(policy(true).refusalAtRegistration(url)).isPresent();
        assertThat(policy(false).refusalAtRegistration(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/", "http://[::1]/", "http://10.0.0.1/",
            "http://172.16.5.5/", "http://192.168.0.2/", "http://100.64.0.1/", "http://[fc00::1]/",
            "http://intranet.example.com/"})
    void loopbackAndPrivateAreRefusedUnlessAllowed(String url) {
        assertThat(policy(false).refusalAtRegistration(url)).isPresent();
        assertThat(policy(true).refusalAtRegistration(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "javascript:alert(1)",
            "https://u:p@hooks.example.com/", "https:///nohost", "http://hooks.example.com/#frag"})
    void onlyPlainHttpAndHttpsUrlsWithAHostAreAccepted(String url) {
        assertThat(policy(true).refusalAtRegistration(url)).isPresent();
    }

    @Test
    void publicReceiverIsAccepted() {
        assertThat(policy(false).refusalAtRegistration("https://hooks.example.com/copydesk")).isEmpty();
        assertThat(policy(false).refusalAtDelivery("https://93.184.216.34/copydesk")).isEmpty();
    }

    @Test
    void nameThatDoesNotResolveYetIsAcceptedAtRegistrationButRefusedAtDelivery() {
        assertThat(policy(false).refusalAtRegistration("https://not-yet.example.org/")).isEmpty();
        assertThat(policy(false).refusalAtDelivery("https://not-yet.example.org/")).isPresent();
    }

    @Test
    void nameThatNowResolvesToAMetadataAddressIsRefusedAtDelivery() {
        // DNS rebinding: the name was public when registered; what counts is where it points now.
        assertThat(policy(true).refusalAtDelivery("https://rebound.example.com/hook"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("metadata"));
    }
}
