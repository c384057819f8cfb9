package dev.copydesk;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CamundaWebapps;
import dev.copydesk.support.CopydeskServerTest;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.ServedEndpoints;
import dev.copydesk.support.ServedEndpoints.Endpoint;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path the running application serves, tried on a real port with every method it accepts, as
 * an anonymous reader, as each role, and as a writer who does not own the article in the path. Any
 * 2xx that the reviewed allow-list below does not name fails the test. The list of paths is read from
 * the application ({@link ServedEndpoints}), so a new controller, servlet or engine resource is tried
 * the day it appears; only the allow-list is written by hand. MockMvc would not do: it never reaches
 * the servlets outside Spring MVC, which is how the engine's REST API once stood open.
 */
@CopydeskServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

    enum Caller { ANONYMOUS, WRITER_OWNER, WRITER_OTHER, EDITOR, MODERATOR, ADMIN }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> STAFF = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

    /** What may answer 2xx, and to whom: method (regex), path pattern as served (regex), callers. */
    private record Allowed(String method, String pattern, Set<Caller> callers) {
        boolean allows(Endpoint endpoint, Caller caller) {
            return callers.contains(caller) && Pattern.matches(method, endpoint.method())
                    && Pattern.matches(pattern, endpoint.pattern());
        }
    }

    private static final List<Allowed> ALLOW_LIST = List.of(
            // the public: reading, commenting, flagging, unsubscribing, the public live stream
            new Allowed("GET", "/api/public/.*", EVERYONE),
            new Allowed("POST", "/api/public/articles/\\{slug}/comments", EVERYONE),
            new Allowed("POST", "/api/public/comments/\\{id}/flags", EVERYONE),
            new Allowed("POST", "/api/public/unsubscribe", EVERYONE),
            // health for orchestrators, the API document and Swagger UI
            new Allowed("GET", "/actuator/health(/.*)?", EVERYONE),
            new Allowed("GET", "/v3/api-docs.*|/swagger-ui.*", EVERYONE),
            // the console's login page and its static files; its pages for anyone logged in
            new Allowed("GET", "/console/login(\\.html)?|/console/console\\.css|/console/js/.*", EVERYONE),
            new Allowed("GET", "/console/?|/console/index\\.html", STAFF),
            // every staff member: who am I, the staff live stream
            new Allowed("GET", "/api/me|/api/events|/api/sections", STAFF),
            // articles: writers create and list their own; the owner and editors work on one
            new Allowed("GET|POST", "/api/articles", EnumSet.of(Caller.WRITER_OWNER, Caller.WRITER_OTHER, Caller.EDITOR)),
            new Allowed(".*", "/api/articles/\\{id}(/.*)?", EnumSet.of(Caller.WRITER_OWNER, Caller.EDITOR)),
            new Allowed("GET", "/api/reviews", EnumSet.of(Caller.EDITOR)),
            // moderation
            new Allowed(".*", "/api/moderation/.*", EnumSet.of(Caller.MODERATOR)),
            new Allowed("POST", "/api/moderation/screening/preview", EnumSet.of(Caller.ADMIN)),
            // administration: accounts, settings, webhooks, metrics, the engine's web apps
            new Allowed(".*", "/api/admin/.*", EnumSet.of(Caller.ADMIN)),
            new Allowed("GET", "/actuator(/.*)?", EnumSet.of(Caller.ADMIN)),
            new Allowed(".*", "/camunda/.*", EnumSet.of(Caller.ADMIN)));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ArticleFixtures articles;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<Caller, String> logins = new EnumMap<>(Caller.class);
    private ArticleDetails ownersArticle;
    private PublishedArticle live;
    private String accountId;

    @BeforeAll
    void newsroom() {
        Staff owner = staff.create(Role.WRITER);
        ownersArticle = articles.inReview(owner, "Spoilers: more romance ahead for two detectives");
        live = articles.publishedArticle("Season three starts tonight");
        accountId = staff.create(Role.WRITER).id();
        logins.put(Caller.WRITER_OWNER, basic(owner.member().username(), StaffFixtures.PASSWORD));
        logins.put(Caller.WRITER_OTHER, login(staff.create(Role.WRITER)));
        logins.put(Caller.EDITOR, login(staff.create(Role.EDITOR)));
        logins.put(Caller.MODERATOR, login(staff.create(Role.MODERATOR)));
        logins.put(Caller.ADMIN, basic("admin", StaffFixtures.ADMIN_PASSWORD));
    }

    @BeforeEach
    void webAppsOfThisContextAnswer() {
        // Another test context that closed in this JVM may have cleared the web apps' statics.
        CamundaWebapps.restoreRuntimeDelegates();
    }

    @Test
    void noPathAnswers2xxToACallerTheAllowListDoesNotName() {
        Set<Endpoint> endpoints = ServedEndpoints.of(context);
        // The catalogue must really be the application's: controllers, static files, the web apps'
        // servlets and the engine's resources are all in it.
        assertThat(endpoints).extracting(Endpoint::pattern)
                .contains("/api/articles/{id}/decision", "/api/moderation/queue", "/console/js/app.js",
                        "/actuator/metrics", "/engine-rest/deployment/create", "/engine-rest/task/{id}/complete",
                        "/engine-rest/job/{id}/execute", "/engine-rest/identity/verify",
                        "/camunda/api/engine/engine/{name}/user");
        assertThat(endpoints).extracting(Endpoint::source).anyMatch(s -> s.startsWith("servlet "));

        List<String> violations = new ArrayList<>();
        int tried = 0;
        // The admin goes last, so what an admin may change cannot hide another caller's answer.
        for (Caller caller : Caller.values()) {
            for (Endpoint endpoint : endpoints) {
                boolean allowed = ALLOW_LIST.stream().anyMatch(a -> a.allows(endpoint, caller));
                if (allowed && endpoint.pattern().startsWith("/camunda/")) {
                    continue; // an ADMIN may do anything there; not worth changing the engine for
                }
                int status = status(endpoint.method(), concrete(endpoint.pattern()), caller);
                tried++;
                if (status >= 200 && status < 300 && !allowed) {
                    violations.add(caller + " " + endpoint.method() + " " + endpoint.pattern()
                            + " -> " + status + " (" + endpoint.source() + ")");
                }
            }
        }
        System.out.printf("access matrix: %d endpoints, %d requests%n", endpoints.size(), tried);
        assertThat(tried).isGreaterThan(1000);
        assertThat(violations).as("2xx answers the allow-list does not name").isEmpty();
    }

    @Test
    void theAllowListIsNotEmptyInPractice() {
        // The matrix above could pass by refusing everyone; these are allowed and must really work.
        assertThat(status("GET", "/api/public/articles", Caller.ANONYMOUS)).isEqualTo(200);
        assertThat(status("GET", "/api/public/articles/" + live.slug(), Caller.ANONYMOUS)).isEqualTo(200);
        assertThat(status("GET", "/api/articles/" + ownersArticle.id(), Caller.WRITER_OWNER)).isEqualTo(200);
        assertThat(status("GET", "/api/articles/" + ownersArticle.id(), Caller.WRITER_OTHER)).isEqualTo(404);
        assertThat(status("GET", "/api/reviews", Caller.EDITOR)).isEqualTo(200);
        assertThat(status("GET", "/api/moderation/queue", Caller.MODERATOR)).isEqualTo(200);
        assertThat(status("GET", "/api/admin/accounts", Caller.ADMIN)).isEqualTo(200);
        String definitions = "/camunda/api/engine/engine/" + engine.getName() + "/process-definition";
        assertThat(status("GET", definitions, Caller.ADMIN)).isEqualTo(200);
        assertThat(status("GET", definitions, Caller.MODERATOR)).isEqualTo(403);
        assertThat(status("GET", "/engine-rest/user", Caller.ANONYMOUS)).isEqualTo(401);
        assertThat(status("GET", "/engine-rest/user", Caller.ADMIN)).as("the engine REST API is off").isEqualTo(404);
        assertThat(status("GET", "/no/such/page", Caller.ANONYMOUS)).isEqualTo(401);
        assertThat(status("GET", "/no/such/page", Caller.EDITOR)).isEqualTo(403);
    }

    @Test
    void benchmarkPathsAreNeitherServedNorOpenOutsideTheBenchProfile() {
        // The benchmark's endpoints live in test scope under the bench profile (docs/benchmarks.md);
        // in any other run their paths fall to the API's rules like any unknown /api path.
        assertThat(ServedEndpoints.of(context)).extracting(Endpoint::pattern).noneMatch(p -> p.startsWith("/api/bench"));
        String baseline = "/api/bench/baseline/articles/" + live.slug() + "/comments";
        assertThat(status("POST", baseline, Caller.ANONYMOUS)).isEqualTo(401);
        assertThat(status("POST", baseline, Caller.ADMIN)).isEqualTo(404);
        assertThat(status("POST", "/api/bench/held-comments", Caller.ANONYMOUS)).isEqualTo(401);
    }

    /** The pattern with its placeholders filled: the owner's article, a live slug, an account. */
    private String concrete(String pattern) {
        String path = pattern;
        if (path.startsWith("/api/articles/{id}")) {
            path = path.replace("{id}", ownersArticle.id());
        } else if (path.startsWith("/api/admin/accounts/{id}")) {
            path = path.replace("{id}", accountId);
        }
        path = path.replace("{slug}", live.slug()).replace("{*path}", "x").replace("**", "x");
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private int status(String method, String path, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (logins.containsKey(caller)) {
            request.header("Authorization", logins.get(caller));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            // Only the status is read: event streams answer 200 and then stay open.
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String login(Staff who) {
        return basic(who.member().username(), StaffFixtures.PASSWORD);
    }

    private static String basic(String username, String password) {
        return HttpCalls.basic(username, password);
    }
}
