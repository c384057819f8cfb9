package dev.copydesk.shared.outbound;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pinned client over TLS: the socket goes to the checked address (127.0.0.1) while SNI and the
 * certificate's host name check use the URL's host. The receiver's certificate (made with the
 * JDK's keytool) names {@code receiver.test} only.
 */
class OutboundHttpsTests {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Duration SECOND = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    static HttpsServer receiver;
    static SSLContext trusting;
    static final List<String> serverNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=receiver.test", "-ext", "SAN=dns:receiver.test", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);

        receiver = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setHttpsConfigurator(new HttpsConfigurator(serving) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serving.getDefaultSSLParameters();
                // Remember which host name the client asked for (SNI).
                parameters.setSNIMatchers(List.of(new javax.net.ssl.SNIMatcher(0) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        receiver.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = exchange.getRequestHeaders().getFirst("Host").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static OutboundHttp http() {
        // Every name points at the one receiver on 127.0.0.1.
        return new OutboundHttp(new OutboundAddressPolicy(true,
                host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")}), trusting.getSocketFactory());
    }

    @Test
    void callToTheCheckedAddressPresentsTheUrlsHostForSniAndTheCertificateCheck() throws Exception {
        int port = receiver.getAddress().getPort();

        OutboundHttp.Response response = http().post("https://receiver.test:" + port + "/ok", Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8), SECOND, SECOND, 1024);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("receiver.test:" + port);
        assertThat(serverNames).contains("receiver.test");
    }

    @Test
    void certificateForAnotherHostIsRefusedAlthoughTheAddressIsTheSame() {
        int port = receiver.getAddress().getPort();

        assertThatThrownBy(() -> http().post("https://other.test:" + port + "/ok", Map.of(), new byte[0], SECOND,
                SECOND, 1024)).isInstanceOf(IOException.class).isInstanceOf(SSLHandshakeException.class);
    }
}
