package dev.copydesk.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * A client address as a per-client limit counts it: an IPv4 address as it is, an IPv6 address by its
 * /64 prefix (the block one subscriber usually holds, so hopping addresses within it does not buy a
 * fresh budget).
 */
public final class ClientAddressKey {

    private ClientAddressKey() {
    }

    public static String of(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String address = clientAddress.trim();
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with a colon is parsed, never looked up.
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]").getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
