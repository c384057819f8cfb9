package dev.copydesk.shared.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where Copydesk may send an HTTP request, so a URL an administrator types (a webhook receiver, the
 * external moderation endpoint) cannot turn the server into a probe of its own network (SSRF).
 * <p>
 * A URL is checked twice: {@link #refusalAtSave} when it is stored, and {@link #destination} right
 * before each call, which resolves the host once, checks <em>every</em> address it resolves to and
 * returns the one address the caller must connect to ({@link OutboundHttp} does), so DNS cannot
 * change between the check and the connection (rebinding).
 * <p>
 * Refused always: anything but http/https, credentials or a fragment in the URL, a numeric host that
 * is not a canonical dotted quad ({@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1},
 * {@code 2130706433}, {@code 127.0.0.01}), IPv6 literals with a zone or a dotted IPv4 part, cloud
 * metadata names and addresses, 0.0.0.0/8 and {@code ::}, link-local (169.254/16, fe80::/10),
 * multicast, 240/4 and broadcast, IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-translated
 * ({@code ::ffff:0:0:0/96}) and IPv4-compatible ({@code ::/96}) addresses, all of 6to4
 * ({@code 2002::/16}), Teredo ({@code 2001::/32}), discard-only {@code 100::/64}, and NAT64
 * ({@code 64:ff9b::/96}) whose embedded IPv4 address is not public. Refused unless
 * {@code allowPrivateAddresses}: loopback (127/8, ::1, localhost), private and shared ranges (10/8,
 * 172.16/12, 192.168/16, 100.64/10, 198.18/15, 192.0.0/24, fc00::/7, fec0::/10, 64:ff9b:1::/48).
 */
public final class OutboundAddressPolicy {

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata",
            "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost",
            "ip6-loopback");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** The last label decides whether a host is a number (as browsers and libc read it): digits or 0x… */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final Pattern NAME_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:]{2,39}");

    private static final String METADATA = "points at a cloud metadata service, which is never allowed";
    private static final String PRIVATE = "points at a loopback or private address, which is not allowed";

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public OutboundAddressPolicy(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, InetAddress::getAllByName);
    }

    /** With a resolver of its own: unit tests never let a name reach real DNS. */
    public OutboundAddressPolicy(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** Looks a host name up (never called for numeric hosts, which are parsed here). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The URL's address was refused; the reason is for administrators and logs, not for moderators. */
    public static class RefusedAddressException extends Exception {
        public RefusedAddressException(String reason) {
            super(reason);
        }
    }

    /**
     * Where one call goes: the URL's host (for {@code Host}, SNI and the certificate check) and the
     * checked address the connection must be made to.
     */
    public record Destination(URI uri, boolean secure, String host, boolean literalHost, int port,
            InetAddress address, String hostHeader, String requestTarget) {
    }

    /**
     * Checks a URL an administrator stores: the reason it is refused ("must …", "points at …"), or
     * empty when it may be stored. A name that does not resolve now is accepted; it is checked again
     * before every call, where not resolving fails the call.
     */
    public Optional<String> refusalAtSave(String url) {
        try {
            Parsed parsed = parse(url);
            if (parsed.literal() == null) {
                try {
                    check(resolver.resolve(parsed.host()));
                } catch (UnknownHostException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Checks a URL right before a call: resolves its host once, refuses it when any address is refused
     * or none is found, and returns the checked address to connect to.
     */
    public Destination destination(String url) throws RefusedAddressException {
        Parsed parsed = parse(url);
        InetAddress address = parsed.literal();
        if (address == null) {
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(parsed.host());
            } catch (UnknownHostException e) {
                throw new RefusedAddressException("host does not resolve");
            }
            if (addresses == null || addresses.length == 0) {
                throw new RefusedAddressException("host does not resolve");
            }
            check(addresses);
            address = addresses[0];
        }
        URI uri = parsed.uri();
        boolean secure = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Destination(uri, secure, parsed.host(), parsed.literal() != null, port, address,
                uri.getRawAuthority(), target);
    }

    private record Parsed(URI uri, String host, InetAddress literal) {
    }

    private Parsed parse(String url) throws RefusedAddressException {
        if (url == null || url.isBlank()) {
            throw new RefusedAddressException("is not a valid URL");
        }
        if (url.length() > 2000) {
            throw new RefusedAddressException("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedAddressException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedAddressException("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedAddressException("must not have a fragment");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new RefusedAddressException("must have a port between 1 and 65535");
        }
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI gives no host for 0x7f.1, 127.1, 2130706433, under_score.example, …
            throw new RefusedAddressException("must name a valid host name or a canonical IP address");
        }
        if (host == null || host.isBlank()) {
            throw new RefusedAddressException("must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return new Parsed(uri, host.substring(1, host.length() - 1), ipv6Literal(host.substring(1, host.length() - 1)));
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.", -1);
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            // Read as a number by libc, browsers and curl: only the one unambiguous spelling is accepted,
            // never interpreted (0177.0.0.1 is 127.0.0.1 to libc but 177.0.0.1 to Java).
            if (!CANONICAL_IPV4.matcher(host).matches()) {
                throw new RefusedAddressException(
                        "is a numeric address in a non-canonical form: write it as four decimal numbers without leading zeros");
            }
            InetAddress address = ipv4(host);
            check(new InetAddress[] {address});
            return new Parsed(uri, host, address);
        }
        if (host.length() > 253) {
            throw new RefusedAddressException("is not a valid host name");
        }
        for (String label : labels) {
            if (!NAME_LABEL.matcher(label).matches()) {
                throw new RefusedAddressException("is not a valid host name");
            }
        }
        if (METADATA_NAMES.contains(host)) {
            throw new RefusedAddressException(METADATA);
        }
        if (!allowPrivateAddresses && (LOCAL_NAMES.contains(host) || host.endsWith(".localhost"))) {
            throw new RefusedAddressException("points at this machine (loopback), which is not allowed");
        }
        return new Parsed(uri, host, null);
    }

    private InetAddress ipv6Literal(String literal) throws RefusedAddressException {
        // No zone ids (%eth0) and no dotted IPv4 tail (::ffff:127.0.0.1, 64:ff9b::10.0.0.1): one spelling only.
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            throw new RefusedAddressException(
                    "is an IPv6 address in a form that is not accepted (no zone, no dotted IPv4 part)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("is not a valid IPv6 address");
        }
        if (address instanceof Inet4Address) {
            // Java turns ::ffff:a.b.c.d into the IPv4 address; the URL spelled an IPv4-mapped one.
            throw new RefusedAddressException("is an IPv4-mapped IPv6 address, which is never allowed");
        }
        check(new InetAddress[] {address});
        return address;
    }

    private static InetAddress ipv4(String canonical) {
        String[] parts = canonical.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(InetAddress[] addresses) throws RefusedAddressException {
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                throw new RefusedAddressException(refused.get());
            }
        }
    }

    /** Why Copydesk must not connect to {@code address}, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        Verdict verdict = classify(address.getAddress());
        if (verdict == Verdict.PUBLIC || (verdict == Verdict.PRIVATE && allowPrivateAddresses)) {
            return Optional.empty();
        }
        return Optional.of(verdict.reason);
    }

    enum Verdict {
        PUBLIC(null),
        PRIVATE(OutboundAddressPolicy.PRIVATE),
        METADATA(OutboundAddressPolicy.METADATA),
        UNSPECIFIED("points at an unspecified (0.0.0.0 or ::) address, which is never allowed"),
        LINK_LOCAL("points at a link-local address, which is never allowed"),
        MULTICAST("points at a multicast, broadcast or reserved address, which is never allowed"),
        EMBEDDED_IPV4("points at an IPv6 form that embeds an IPv4 address (mapped, translated, compatible), "
                + "which is never allowed"),
        TUNNEL("points at a 6to4 or Teredo tunnel address, which is never allowed");

        final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }
    }

    static Verdict classify(byte[] b) {
        return b.length == 4 ? classifyIpv4(b) : classifyIpv6(b);
    }

    private static Verdict classifyIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) // AWS, GCP, Azure, OpenStack, …
                || (a0 == 169 && a1 == 254 && a2 == 170 && a3 == 2) // ECS task metadata
                || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200) // Alibaba Cloud
                || (a0 == 168 && a1 == 63 && a2 == 129 && a3 == 16)) { // Azure wire server
            return Verdict.METADATA;
        }
        if (a0 == 0) {
            return Verdict.UNSPECIFIED;
        }
        if (a0 == 169 && a1 == 254) {
            return Verdict.LINK_LOCAL;
        }
        if (a0 >= 224) {
            return Verdict.MULTICAST;
        }
        if (a0 == 127 || a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && (a1 & 0xc0) == 64) || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 192 && a1 == 0 && a2 == 0)) {
            return Verdict.PRIVATE;
        }
        return Verdict.PUBLIC;
    }

    private static Verdict classifyIpv6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        if (w0 == 0xfd00 && w1 == 0x0ec2 && allZero(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54) {
            return Verdict.METADATA; // fd00:ec2::254, EC2's metadata service over IPv6
        }
        if (allZero(b, 0, 16)) {
            return Verdict.UNSPECIFIED;
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Verdict.PRIVATE; // ::1
        }
        if (allZero(b, 0, 10) && word(b, 5) == 0xffff) {
            return Verdict.EMBEDDED_IPV4; // ::ffff:0:0/96, IPv4-mapped
        }
        if (allZero(b, 0, 8) && word(b, 4) == 0xffff && word(b, 5) == 0) {
            return Verdict.EMBEDDED_IPV4; // ::ffff:0:0:0/96, IPv4-translated
        }
        if (allZero(b, 0, 12)) {
            return Verdict.EMBEDDED_IPV4; // ::/96, IPv4-compatible (deprecated)
        }
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
            // 64:ff9b::/96, well-known NAT64: accepted for a public IPv4 address only, even when private
            // ones are allowed (a translator in front of the private network is no receiver).
            Verdict embedded = classifyIpv4(new byte[] {b[12], b[13], b[14], b[15]});
            return embedded == Verdict.PUBLIC ? Verdict.PUBLIC
                    : embedded == Verdict.PRIVATE ? Verdict.EMBEDDED_IPV4 : embedded;
        }
        if (w0 == 0x0064 && w1 == 0xff9b && word(b, 2) == 0x0001) {
            return Verdict.PRIVATE; // 64:ff9b:1::/48, local-use NAT64
        }
        if (w0 == 0x2002 || (w0 == 0x2001 && w1 == 0)) {
            return Verdict.TUNNEL; // 6to4 (all of 2002::/16) and Teredo (2001::/32)
        }
        if (w0 == 0x0100 && allZero(b, 2, 8)) {
            return Verdict.MULTICAST; // 100::/64, discard-only
        }
        if ((b[0] & 0xff) == 0xff) {
            return Verdict.MULTICAST;
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Verdict.LINK_LOCAL;
        }
        if ((w0 & 0xffc0) == 0xfec0 || (b[0] & 0xfe) == 0xfc) {
            return Verdict.PRIVATE; // site-local fec0::/10, unique-local fc00::/7
        }
        return Verdict.PUBLIC;
    }

    private static int word(byte[] b, int index) {
        return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
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
