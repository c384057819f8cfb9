package dev.copydesk.shared.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.copydesk.shared.outbound.OutboundAddressPolicy.Destination;
import dev.copydesk.shared.outbound.OutboundAddressPolicy.RefusedAddressException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one outbound address policy, with a resolver of its own: no name here reaches real DNS, and
 * numeric hosts never reach a resolver at all (the policy parses them), so no test can connect to
 * what {@code 0177.0.0.1} might mean.
 */
class OutboundAddressPolicyTests {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebound.example.com", "169.254.169.254",
            "intranet.example.com", "10.0.0.7",
            "sixtofour.example.com", "2002:7f00:1::1",
            "mapped-aaaa.example.com", "::ffff:0:7f00:1",
            "nat64.example.com", "64:ff9b::5db8:d822");

    private final List<String> looked = new ArrayList<>();

    private OutboundAddressPolicy policy(boolean allowPrivate) {
        return new OutboundAddressPolicy(allowPrivate, host -> {
            looked.add(host);
            String address = DNS.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
            "http://metadata/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://169.254.0.1/",
            "http://100.100.100.200/", "http://168.63.129.16/", "http://169.254.170.2/v2/credentials",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://240.0.0.1/", "http://[ff02::1]/",
            "http://0.0.0.0/", "http://[::]/", "http://rebound.example.com/", "http://sixtofour.example.com/",
            "http://mapped-aaaa.example.com/"})
    void metadataLinkLocalMulticastAndUnspecifiedAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
        assertThat(policy(true).refusalAtSave(url)).isPresent();
        assertThat(policy(false).refusalAtSave(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // issue 12, item 5: octal, hex, short and decimal spellings of 127.0.0.1, and leading zeros
            "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f.1/", "http://127.1/", "http://127.0.1/",
            "http://2130706433/", "http://0x7f000001/", "http://127.0.0.01/", "http://010.0.0.1/",
            "http://1.2.3.4.5/", "http://256.1.1.1/", "http://93.184.216.034/",
            // IPv6 spellings that embed an IPv4 address, zones, tunnels
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:0:127.0.0.1]/",
            "http://[::ffff:0:7f00:1]/", "http://[::127.0.0.1]/", "http://[::7f00:1]/",
            "http://[::ffff:0:5db8:d822]/", "http://[64:ff9b::127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
            "http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/", "http://[2002:5db8:d822::1]/",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[fe80::1%25eth0]/", "http://[100::1]/"})
    void nonCanonicalNumericHostsAndTunnelledIpv6FormsAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
        assertThat(policy(true).refusalAtSave(url)).as(url).isPresent();
        assertThat(policy(false).refusalAtSave(url)).as(url).isPresent();
        assertThat(looked).as("a numeric host is never handed to a resolver").doesNotContain(url.split("/")[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.0.0.1:5432/", "http://localhost:8080/",
            "http://app.localhost/", "http://[::1]/", "http://[::1]:9200/", "http://10.0.0.1/",
            "http://172.16.5.5/", "http://172.31.255.255/", "http://192.168.0.2/", "http://100.64.0.1/",
            "http://198.18.0.1/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fec0::1]/",
            "http://intranet.example.com/"})
    void loopbackAndPrivateAreRefusedUnlessAllowed(String url) {
        assertThat(policy(false).refusalAtSave(url)).as(url).isPresent();
        assertThat(policy(true).refusalAtSave(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/copydesk", "https://93.184.216.34/copydesk",
            "http://93.184.216.34:8443/x?y=1", "https://[2606:2800:220:1:248:1893:25c8:1946]/",
            "https://[64:ff9b::5db8:d822]/", "https://nat64.example.com/", "https://172.32.0.1/",
            "https://hooks.example.com./"})
    void publicAddressesAreAccepted(String url) {
        assertThat(policy(false).refusalAtSave(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/",
            "https://u:p@hooks.example.com/", "https:///nohost", "http://hooks.example.com/#frag", "not a url",
            "", "http://under_score.example.com/", "http://-bad.example.com/",
            "http://hooks.example.com:0/", "http://hooks.example.com:65536/"})
    void onlyPlainHttpAndHttpsUrlsWithAValidHostAreAccepted(String url) {
        assertThat(policy(true).refusalAtSave(url)).as(url).isPresent();
    }

    @Test
    void nameThatDoesNotResolveYetIsAcceptedWhenSavedButRefusedAtConnectTime() {
        assertThat(policy(false).refusalAtSave("https://not-yet.example.org/")).isEmpty();
        assertThatThrownBy(() -> policy(false).destination("https://not-yet.example.org/"))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("does not resolve");
    }

    @Test
    void nameThatNowResolvesToAMetadataAddressIsRefusedAtConnectTime() {
        // DNS rebinding: the name was public when saved; what counts is where it points now.
        assertThatThrownBy(() -> policy(true).destination("https://rebound.example.com/hook"))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("metadata");
    }

    @Test
    void nameIsRefusedWhenAnyOfItsAddressesIsRefused() throws Exception {
        OutboundAddressPolicy policy = new OutboundAddressPolicy(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")});

        assertThat(policy.refusalAtSave("https://both.example.com/")).isPresent();
        assertThatThrownBy(() -> policy.destination("https://both.example.com/")).isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void destinationIsResolvedOnceAndNamesTheCheckedAddressWhileKeepingTheUrlsHost() throws Exception {
        Destination destination = policy(false).destination("https://hooks.example.com:8443/in/box?x=1");

        assertThat(looked).containsExactly("hooks.example.com");
        assertThat(destination.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(destination.host()).isEqualTo("hooks.example.com");
        assertThat(destination.hostHeader()).isEqualTo("hooks.example.com:8443");
        assertThat(destination.port()).isEqualTo(8443);
        assertThat(destination.secure()).isTrue();
        assertThat(destination.requestTarget()).isEqualTo("/in/box?x=1");
    }

    @Test
    void canonicalNumericHostIsParsedNotResolved() throws Exception {
        Destination destination = policy(true).destination("http://127.0.0.1:8080");

        assertThat(looked).isEmpty();
        assertThat(destination.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(destination.literalHost()).isTrue();
        assertThat(destination.port()).isEqualTo(8080);
        assertThat(destination.requestTarget()).isEqualTo("/");
    }
}
