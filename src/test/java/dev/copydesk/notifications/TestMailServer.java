package dev.copydesk.notifications;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One GreenMail SMTP server on a free port for the notifications test context, started with it;
 * the context's {@code spring.mail.*} points at it. Tests purge it before each test.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = server().getSmtp().getPort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("copydesk-test-mail",
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(port))));
    }
}
