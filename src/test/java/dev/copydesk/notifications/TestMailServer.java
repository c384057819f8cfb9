package dev.copydesk.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.copydesk.support.TcpProxy;

/**
 * One GreenMail SMTP server on a free port for the notifications test context, started with it;
 * the context's {@code spring.mail.*} points at a {@link TcpProxy} in front of it, which a test can
 * cut ({@link #down()}) and restore ({@link #up()}) to play an SMTP server that is away. Tests purge
 * it before each test.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;
    private static TcpProxy proxy;

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server;
    }

    private static synchronized TcpProxy proxy() {
        if (proxy == null) {
            try {
                proxy = new TcpProxy("127.0.0.1", server().getSmtp().getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proxy;
    }

    /** The SMTP server is unreachable: connections are refused until {@link #up()}. */
    static void down() {
        proxy().cut();
    }

    static void up() {
        proxy().restore();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = proxy().port();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("copydesk-test-mail",
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(port))));
    }
}
