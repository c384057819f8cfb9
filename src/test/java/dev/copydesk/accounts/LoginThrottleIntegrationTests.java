package dev.copydesk.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.UniqueInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 6, over a real port behind a (simulated) reverse proxy: the test talks from
 * 127.0.0.1, which Tomcat trusts as a proxy under {@code server.forward-headers-strategy=native}
 * (as in the compose file), so {@code X-Forwarded-For} names each client's address. Before the fix,
 * five wrong passwords from anyone locked {@code admin} out everywhere, the right password included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@ContextConfiguration(initializers = UniqueInstance.class)
class LoginThrottleIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void attackerGuessingTheAdminPasswordIsThrottledWhileTheOwnerElsewhereLogsIn() throws Exception {
        String attacker = "203.0.113.66";
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> guess = me("admin", "guess-" + i, attacker);
            assertThat(guess.statusCode()).isIn(401, 429);
            if (guess.statusCode() == 429) {
                throttled++;
                assertThat(guess.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
            }
        }
        assertThat(throttled).as("all but the first five guesses").isEqualTo(15);

        HttpResponse<String> owner = me("admin", StaffFixtures.ADMIN_PASSWORD, "198.51.100.20");
        assertThat(owner.statusCode()).as("the owner from another address is never locked out").isEqualTo(200);
        assertThat(owner.body()).contains("\"admin\"");

        assertThat(me("admin", StaffFixtures.ADMIN_PASSWORD, attacker).statusCode())
                .as("even the right password is refused from the throttled address").isEqualTo(429);
    }

    @Test
    void oneAddressSprayingManyUsernamesIsThrottledAcrossThemWhileOtherAddressesAreNot() throws Exception {
        String sprayer = "203.0.113.99";
        for (int user = 0; user < 4; user++) {
            for (int i = 0; i < 5; i++) {
                assertThat(me("nobody-" + user, "guess", sprayer).statusCode()).isEqualTo(401);
            }
        }

        assertThat(me("nobody-new", "guess", sprayer).statusCode()).as("20 failures from one address").isEqualTo(429);
        assertThat(me("nobody-new", "guess", "198.51.100.77").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> me(String username, String password, String clientAddress) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", "Basic " + basic)
                .header("X-Forwarded-For", clientAddress)
                .header("X-Requested-With", "XMLHttpRequest")
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
