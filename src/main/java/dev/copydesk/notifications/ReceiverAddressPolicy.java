package dev.copydesk.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Which webhook receivers Copydesk may call, so an administrator's URL cannot turn the server into
 * a probe of its own network (SSRF). Only http(s). Link-local (169.254/16, fe80::/10), cloud
 * metadata (169.254.169.254, fd00:ec2::254, 100.100.100.200, metadata.google.internal), multicast
 * and broadcast addresses are always refused; loopback, "this network" (0/8, ::) and private ranges
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) unless {@code allow-private-addresses}. A name
 * is judged by every address it resolves to, at registration and again before every attempt.
 */
@Component
class ReceiverAddressPolicy {

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata",
            "metadata.goog", "instance-data", "instance-data.ec2.internal");
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain");

    private final WebhookSettings settings;
    private final Resolver resolver;

    @org.springframework.beans.factory.annotation.Autowired
    ReceiverAddressPolicy(WebhookSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    ReceiverAddressPolicy(WebhookSettings settings, Resolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
    }

    /** Looks a host name up; replaceable in unit tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Checks a URL an administrator registers: the reason it is refused, or empty when it may be
     * registered. A name that does not resolve now is accepted and checked again at delivery.
     */
    Optional<String> refusalAtRegistration(String url) {
        return refusal(url, false);
    }

    /** Checks a receiver right before a delivery attempt; a name that does not resolve is refused. */
    Optional<String> refusalAtDelivery(String url) {
        return refusal(url, true);
    }

    private Optional<String> refusal(String url, boolean mustResolve) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (METADATA_NAMES.contains(host)) {
            return Optional.of("points at a cloud metadata service, which is never allowed");
        }
        if (!settings.allowPrivateAddresses() && (LOCAL_NAMES.contains(host) || host.endsWith(".localhost"))) {
            return Optional.of("points at this machine (loopback), which is not allowed");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("host does not resolve") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        switch (classify(address)) {
            case METADATA:
                return Optional.of("points at a cloud metadata service, which is never allowed");
            case LINK_LOCAL:
                return Optional.of("points at a link-local address, which is never allowed");
            case MULTICAST:
                return Optional.of("points at a multicast or broadcast address, which is never allowed");
            case LOOPBACK:
            case PRIVATE:
                return settings.allowPrivateAddresses() ? Optional.empty()
                        : Optional.of("points at a loopback or private address, which is not allowed");
            default:
                return Optional.empty();
        }
    }

    enum AddressClass { PUBLIC, PRIVATE, LOOPBACK, LINK_LOCAL, METADATA, MULTICAST }

    static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (List.of(169, 254, 169, 254).equals(octets(b)) || List.of(100, 100, 100, 200).equals(octets(b))) {
                return AddressClass.METADATA;
            }
            if (address.isLinkLocalAddress()) {
                return AddressClass.LINK_LOCAL;
            }
            if (address.isMulticastAddress() || (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff) {
                return AddressClass.MULTICAST;
            }
            if (address.isLoopbackAddress() || first == 0) {
                return AddressClass.LOOPBACK;
            }
            if (address.isSiteLocalAddress() || (first == 100 && (second & 0xc0) == 64)) {
                return AddressClass.PRIVATE;
            }
            return AddressClass.PUBLIC;
        }
        if (address instanceof Inet6Address) {
            // fd00:ec2::254, the EC2 instance metadata service over IPv6
            if (b[0] == (byte) 0xfd && b[1] == 0 && b[2] == 0x0e && b[3] == (byte) 0xc2 && b[15] == (byte) 0x54
                    && b[14] == 0x02 && allZero(b, 4, 14)) {
                return AddressClass.METADATA;
            }
            if (address.isLinkLocalAddress()) {
                return AddressClass.LINK_LOCAL;
            }
            if (address.isMulticastAddress()) {
                return AddressClass.MULTICAST;
            }
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                return AddressClass.LOOPBACK;
            }
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return AddressClass.PRIVATE;
            }
            // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms: judge the embedded IPv4.
            if (allZero(b, 0, 12) || (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                    && allZero(b, 4, 12))) {
                try {
                    return classify(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return AddressClass.PRIVATE;
                }
            }
            return AddressClass.PUBLIC;
        }
        return AddressClass.PRIVATE;
    }

    private static List<Integer> octets(byte[] b) {
        return List.of(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
