package dev.copydesk.accounts;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access matrix of the foundation's endpoints: every endpoint, for anonymous and each role,
 * with the status each must get. (Article, comment and notification endpoints have their own.)
 * {@code {self}} is the caller's own account id, {@code {other}} another account's.
 */
@CopydeskIntegrationTest
class AccountsAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    static Stream<Arguments> matrix() {
        // columns: anonymous, WRITER, EDITOR, MODERATOR, ADMIN
        return Stream.of(
                row("GET", "/api/me", null, 401, 200, 200, 200, 200),
                row("GET", "/api/admin/accounts", null, 401, 403, 403, 403, 200),
                row("POST", "/api/admin/accounts", "{\"username\":\"new.one.%s\",\"displayName\":\"N\","
                        + "\"email\":\"n@example.org\",\"password\":\"0123456789\",\"roles\":[\"WRITER\"]}",
                        401, 403, 403, 403, 201),
                row("GET", "/api/admin/accounts/{other}", null, 401, 403, 403, 403, 200),
                row("PATCH", "/api/admin/accounts/{other}", "{\"displayName\":\"Renamed\"}", 401, 403, 403, 403, 200),
                row("PATCH", "/api/admin/accounts/{self}", "{\"displayName\":\"Renamed\"}", 401, 403, 403, 403, 200),
                row("GET", "/actuator/health", null, 200, 200, 200, 200, 200),
                row("GET", "/actuator/health/liveness", null, 200, 200, 200, 200, 200),
                row("GET", "/actuator/metrics", null, 401, 403, 403, 403, 200),
                row("GET", "/actuator/info", null, 401, 403, 403, 403, 200),
                // the engine's web apps and REST API are not served through MockMvc; only the refusals are checked here,
                // the admin's way in is checked on a real port in RestartIntegrationTests
                row("GET", "/camunda/app/cockpit/default/", null, 401, 403, 403, 403, -1),
                row("GET", "/engine-rest/engine", null, 401, 403, 403, 403, -1),
                row("GET", "/engine-rest/process-definition", null, 401, 403, 403, 403, -1));
    }

    private static Arguments row(String method, String path, String body, int... expected) {
        return Arguments.of(method, path, body, expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void eachRoleGetsTheExpectedStatus(String method, String path, String body, int[] expected) throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        Staff moderator = staff.create(Role.MODERATOR);
        Staff admin = staff.create(Role.ADMIN);
        Staff other = staff.create(Role.WRITER);
        Staff[] callers = {null, writer, editor, moderator, admin};
        for (int i = 0; i < callers.length; i++) {
            if (expected[i] < 0) {
                continue;
            }
            Staff caller = callers[i];
            String resolved = path.replace("{other}", other.id())
                    .replace("{self}", caller == null ? other.id() : caller.id());
            MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), resolved);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body.formatted(System.nanoTime()));
            }
            if (caller != null) {
                request.with(caller.login());
            }
            mvc.perform(request).andExpect(status().is(expected[i]));
        }
    }
}
