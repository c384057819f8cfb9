package dev.copydesk.moderation;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static dev.copydesk.support.CommentClient.from;
import static dev.copydesk.support.CommentClient.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may call which comment and moderation endpoint: every endpoint for anonymous callers and each
 * role. Allowed calls must get their real answer (never 401/403), denied ones exactly 401 or 403.
 */
@CopydeskIntegrationTest
class ModerationAccessIntegrationTests {

    static final String SETTINGS = """
            {"bannedWords":["fuck","motherfucker","cunt","twat","wanker","kill yourself"],
             "suspectWords":["idiot","moron","stupid","shit","ass","bitch","crap","viagra","casino","crypto","work from home","click here"],
             "maxLinks":2,"premoderation":false,"trustAfterApproved":1,"flagThreshold":3,"commentsPerMinute":5,"queueSla":"PT2H"}""";

    @Autowired MockMvc mvc;
    @Autowired StaffFixtures staff;

    /** endpoint | who: ANON, WRITER, EDITOR, MODERATOR, ADMIN | expected status. */
    static Stream<Arguments> matrix() {
        String unknown = UUID.randomUUID().toString();
        Object[][] endpoints = {
                // method, path, body, anon, writer, editor, moderator, admin
                {"GET", "/api/moderation/queue", null, 401, 403, 403, 200, 403},
                {"GET", "/api/moderation/queue?queue=reported", null, 401, 403, 403, 200, 403},
                {"POST", "/api/moderation/comments/" + unknown + "/decision", "{\"decision\":\"APPROVE\"}", 401, 403, 403, 404, 403},
                {"POST", "/api/moderation/decisions", "{\"commentIds\":[\"" + unknown + "\"],\"decision\":\"APPROVE\"}", 401, 403, 403, 200, 403},
                {"GET", "/api/moderation/comments/" + unknown + "/history", null, 401, 403, 403, 404, 403},
                {"POST", "/api/moderation/bans", "{\"authorEmail\":\"someone@example.org\",\"reason\":\"spam\"}", 401, 403, 403, 201, 403},
                {"DELETE", "/api/moderation/bans/" + unknown, null, 401, 403, 403, 404, 403},
                // ADMIN passes only once the URL rule lets ADMIN reach this one path (see docs/moderation.md)
                {"POST", "/api/moderation/screening/preview", "{\"body\":\"Hi\"}", 401, 403, 403, 200, 200},
                {"GET", "/api/admin/moderation-settings", null, 401, 403, 403, 403, 200},
                {"PUT", "/api/admin/moderation-settings", SETTINGS, 401, 403, 403, 403, 200},
                {"GET", "/api/public/articles/no-such-article/comments", null, 404, 404, 404, 404, 404},
                {"POST", "/api/public/articles/no-such-article/comments",
                        "{\"authorName\":\"Ann\",\"authorEmail\":\"ann@example.org\",\"body\":\"Hi\"}", 404, 404, 404, 404, 404},
                {"POST", "/api/public/comments/" + unknown + "/flags", "{\"reason\":\"SPAM\"}", 404, 404, 404, 404, 404},
        };
        String[] callers = {"ANON", "WRITER", "EDITOR", "MODERATOR", "ADMIN"};
        return Stream.of(endpoints).flatMap(e -> Stream.of(0, 1, 2, 3, 4).map(i ->
                Arguments.of(e[0] + " " + e[1], callers[i], e[2], e[3 + i])));
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void endpointAnswersEachCallerAsTheRolesAllow(String endpoint, String caller, String body, int expected)
            throws Exception {
        String[] parts = endpoint.split(" ", 2);
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(parts[0]), parts[1]).with(from(randomAddress()));
        if (body != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        switch (caller) {
            case "ANON" -> { }
            case "ADMIN" -> call.with(staff.admin());
            default -> call.with(staff.create(Role.valueOf(caller)).login());
        }

        int status = mvc.perform(call).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(expected);
    }
}
