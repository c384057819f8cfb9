package dev.copydesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's console session over real HTTP: it logs in with the form, keeps its cookies, and sends
 * API calls the way the console's script does (the session cookie, the CSRF header, no Basic).
 */
public final class ConsoleSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private ConsoleSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in at {@code base} (for example {@code http://127.0.0.1:8080}); fails unless it worked. */
    public static ConsoleSession login(String base, String username, String password) {
        ConsoleSession session = new ConsoleSession(base);
        session.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).GET());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || !location.endsWith("/console/")) {
            throw new IllegalStateException("console login failed: " + login.statusCode() + " " + location);
        }
        // Logging in replaces the CSRF token; the console page hands out the new one.
        session.send(HttpRequest.newBuilder(URI.create(base + "/console/")).GET());
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(api(path).GET());
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return send(api(path).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf())
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "XMLHttpRequest");
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
