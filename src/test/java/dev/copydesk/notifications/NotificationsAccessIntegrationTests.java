package dev.copydesk.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/** Who may call the notification endpoints: every allowed call beside its denied twins. */
@CopydeskIntegrationTest
class NotificationsAccessIntegrationTests {

    private static final String NO_SUCH = UUID.randomUUID().toString();
    private static final String WEBHOOK = """
            {"url":"https://93.184.216.34/hooks/copydesk","secret":"s3cret-for-access-tests","events":["article.published"]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ArticleFixtures articles;

    enum Caller { ANONYMOUS, WRITER, EDITOR, MODERATOR, ADMIN }

    record Call(HttpMethod method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> matrix() {
        Map<Call, Map<Caller, Integer>> expected = Map.of(
                new Call(HttpMethod.GET, "/api/admin/webhooks", null), adminOnly(200),
                new Call(HttpMethod.POST, "/api/admin/webhooks", WEBHOOK), adminOnly(201),
                new Call(HttpMethod.GET, "/api/admin/webhooks/" + NO_SUCH + "/deliveries", null), adminOnly(404),
                new Call(HttpMethod.DELETE, "/api/admin/webhooks/" + NO_SUCH, null), adminOnly(404),
                new Call(HttpMethod.GET, "/api/events", null), Map.of(Caller.ANONYMOUS, 401, Caller.WRITER, 200,
                        Caller.EDITOR, 200, Caller.MODERATOR, 200, Caller.ADMIN, 200),
                // Issue 12: no stream for an article that is not live (the allowed twin is below).
                new Call(HttpMethod.GET, "/api/public/events?article=no-such-article", null), everyone(404),
                new Call(HttpMethod.GET, "/api/public/unsubscribe?token=unknown-token", null), everyone(404));
        List<Arguments> rows = new ArrayList<>();
        expected.forEach((call, byCaller) -> byCaller.forEach((caller, status) ->
                rows.add(Arguments.of(caller, call, status))));
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} as {0} -> {2}")
    @MethodSource("matrix")
    void callerGetsTheStatusTheirRoleAllows(Caller caller, Call call, int status) throws Exception {
        MockHttpServletRequestBuilder request = request(call.method(), call.path());
        if (call.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(call.body());
        }
        switch (caller) {
            case ANONYMOUS -> {
            }
            case ADMIN -> request.with(staff.admin());
            default -> request.with(staff.create(Role.valueOf(caller.name())).login());
        }
        MvcResult result = mvc.perform(request).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        if (status >= 400) {
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        if (status == 200 && call.path().contains("events")) {
            assertThat(result.getRequest().isAsyncStarted()).as("an open event stream").isTrue();
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        }
    }

    @ParameterizedTest(name = "public stream of a live article as {0} -> 200")
    @EnumSource(Caller.class)
    void publicStreamOfALiveArticleOpensForEveryone(Caller caller) throws Exception {
        String slug = articles.publishedArticle("Budget day " + UUID.randomUUID()).slug();
        MockHttpServletRequestBuilder request = request(HttpMethod.GET, "/api/public/events?article=" + slug)
                // A client address of its own: streams opened through MockMvc never close, and one
                // address may hold only a few public streams.
                .with(r -> {
                    r.setRemoteAddr("198.51.100." + (10 + caller.ordinal()));
                    return r;
                });
        switch (caller) {
            case ANONYMOUS -> {
            }
            case ADMIN -> request.with(staff.admin());
            default -> request.with(staff.create(Role.valueOf(caller.name())).login());
        }
        MvcResult result = mvc.perform(request).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getRequest().isAsyncStarted()).as("an open event stream").isTrue();
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    private static Map<Caller, Integer> adminOnly(int adminStatus) {
        return Map.of(Caller.ANONYMOUS, 401, Caller.WRITER, 403, Caller.EDITOR, 403, Caller.MODERATOR, 403,
                Caller.ADMIN, adminStatus);
    }

    private static Map<Caller, Integer> everyone(int status) {
        return Map.of(Caller.ANONYMOUS, status, Caller.WRITER, status, Caller.EDITOR, status,
                Caller.MODERATOR, status, Caller.ADMIN, status);
    }
}
