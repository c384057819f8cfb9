package dev.copydesk.shared.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.copydesk.shared.outbound.OutboundAddressPolicy.Destination;
import dev.copydesk.shared.outbound.OutboundAddressPolicy.RefusedAddressException;

/**
 * A small HTTP/1.1 client for outbound POSTs that connects to exactly the address the
 * {@link OutboundAddressPolicy} checked: the URL is checked right before each call and the socket is
 * opened to the checked address, while {@code Host}, TLS SNI and the certificate's host name check
 * use the URL's host. (The JDK's {@code HttpClient} resolves the name again when it connects, which
 * leaves a DNS-rebinding window, and cannot be given an address for a name.) No redirects are
 * followed, no connection is reused, and the whole exchange has one deadline.
 */
public final class OutboundHttp {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private final OutboundAddressPolicy policy;
    private final SSLSocketFactory tls;

    public OutboundHttp(OutboundAddressPolicy policy) {
        this(policy, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With a TLS socket factory of its own: tests trust their own certificate. */
    OutboundHttp(OutboundAddressPolicy policy, SSLSocketFactory tls) {
        this.policy = policy;
        this.tls = tls;
    }

    /** A response: the status, and the body when the caller asked for one. */
    public record Response(int status, byte[] body) {
    }

    /**
     * POSTs {@code body} to {@code url}. Throws {@link RefusedAddressException} when the policy refuses
     * the URL now (no connection is made), {@link SocketTimeoutException} when the connection or the
     * answer takes longer than {@code connectTimeout} / {@code timeout} (the whole exchange), and
     * another {@link IOException} when the receiver cannot be reached or answers nonsense.
     *
     * @param maxResponseBytes read at most this much body; 0 reads none (only the status matters)
     */
    public Response post(String url, Map<String, String> headers, byte[] body, Duration connectTimeout,
            Duration timeout, int maxResponseBytes) throws RefusedAddressException, IOException {
        Destination destination = policy.destination(url);
        byte[] head = request(destination, headers, body);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            int connectMillis = (int) Math.max(1, Math.min(connectTimeout.toMillis(), remainingMillis(deadline)));
            socket.connect(new InetSocketAddress(destination.address(), destination.port()), connectMillis);
            socket.setSoTimeout(remainingMillis(deadline));
            Socket channel = destination.secure() ? tls(socket, destination, tls) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            return read(new DeadlineInput(channel, deadline), maxResponseBytes);
        }
    }

    private static Socket tls(Socket socket, Destination destination, SSLSocketFactory factory) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, destination.host(), destination.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        // The certificate must match the URL's host, although the socket was opened to an address.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!destination.literalHost()) {
            parameters.setServerNames(List.of(new SNIHostName(destination.host())));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] request(Destination destination, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append("POST ").append(destination.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(destination.hostHeader()).append("\r\n");
        headers.forEach((name, value) -> head.append(safe(name)).append(": ").append(safe(value)).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String safe(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A header must not contain a line break");
        }
        return text;
    }

    private static Response read(InputStream in, int maxBody) throws IOException {
        int status;
        long contentLength = -1;
        boolean chunked = false;
        do {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x response");
            }
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status");
            }
            contentLength = -1;
            chunked = false;
            for (int i = 0; ; i++) {
                if (i > MAX_HEADERS) {
                    throw new IOException("too many response headers");
                }
                String header = line(in);
                if (header.isEmpty()) {
                    break;
                }
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length");
                    }
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
        } while (status >= 100 && status < 200);
        if (maxBody == 0 || status == 204 || status == 304) {
            return new Response(status, new byte[0]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String size = line(in);
                int semicolon = size.indexOf(';');
                long chunk;
                try {
                    chunk = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (chunk == 0) {
                    break;
                }
                copy(in, bytes, chunk, maxBody);
                line(in);
            }
        } else if (contentLength >= 0) {
            copy(in, bytes, contentLength, maxBody);
        } else {
            copy(in, bytes, Long.MAX_VALUE, maxBody);
        }
        return new Response(status, bytes.toByteArray());
    }

    private static void copy(InputStream in, ByteArrayOutputStream to, long count, int max) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("response ended early");
            }
            if (to.size() + n > max) {
                throw new IOException("response is larger than " + max + " bytes");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed before the response was complete");
            }
            if (c == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("response line too long");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no answer within the time allowed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Reads with the socket timeout set to what is left of the exchange's deadline. */
    private static final class DeadlineInput extends InputStream {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] to, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, to, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }
    }
}
