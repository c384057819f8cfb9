package dev.copydesk;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.sections.Sections;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskServerTest;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new endpoints on a real port, for every caller, in and out of their sections: the status each
 * gets, and for lists and searches whether the other desk's item is left out. An entertainment
 * ("tv") article in review and a tv comment held for moderation are the objects; the politics
 * editor and moderator are the out-of-scope callers.
 */
@CopydeskServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskAccessIntegrationTests {

    enum Caller { ANONYMOUS, AUTHOR, OTHER_WRITER, TV_EDITOR, POLITICS_EDITOR, NEWSROOM_EDITOR, TV_MODERATOR,
        POLITICS_MODERATOR, NEWSROOM_MODERATOR, ADMIN }

    @LocalServerPort int port;
    @Autowired StaffFixtures staff;
    @Autowired ArticleFixtures articles;
    @Autowired ArticleDesk desk;
    @Autowired Sections sections;

    private final Map<Caller, String> logins = new EnumMap<>(Caller.class);
    private String tv;
    private String politics;
    private String word;
    private ArticleDetails inReview;
    private String heldComment;

    @BeforeAll
    void newsroom() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tv = sections.create("tv-" + suffix, "TV").slug();
        politics = sections.create("politics-" + suffix, "Politics").slug();
        word = "Matrixword" + suffix.replaceAll("[0-9]", "");
        Staff author = staff.create(Role.WRITER);
        Staff newsroomEditor = staff.create(Role.EDITOR);
        logins.put(Caller.AUTHOR, login(author));
        logins.put(Caller.OTHER_WRITER, login(staff.create(Role.WRITER)));
        logins.put(Caller.TV_EDITOR, login(staff.createFor(Role.EDITOR, tv)));
        logins.put(Caller.POLITICS_EDITOR, login(staff.createFor(Role.EDITOR, politics)));
        logins.put(Caller.NEWSROOM_EDITOR, login(newsroomEditor));
        logins.put(Caller.TV_MODERATOR, login(staff.createFor(Role.MODERATOR, tv)));
        logins.put(Caller.POLITICS_MODERATOR, login(staff.createFor(Role.MODERATOR, politics)));
        logins.put(Caller.NEWSROOM_MODERATOR, login(staff.create(Role.MODERATOR)));
        logins.put(Caller.ADMIN, HttpCalls.basic("admin", StaffFixtures.ADMIN_PASSWORD));
        inReview = articles.inReviewIn(author, tv, "The " + word + " review");
        ArticleDetails toGoLive = articles.inReviewIn(author, tv, "Live " + suffix);
        ArticleDetails live = desk.decide(newsroomEditor.member(), toGoLive.id(), ReviewDecision.APPROVE, null, null,
                null, toGoLive.version());
        HttpResponse<String> comment = HttpCalls.send("POST", url("/api/public/articles/" + live.slug() + "/comments"),
                null, "application/json", "{\"authorName\":\"Matrix reader\",\"authorEmail\":\"matrix-" + suffix
                        + "@example.org\",\"body\":\"First time: " + word + " is great\"}");
        assertThat(comment.statusCode()).isEqualTo(202);
        heldComment = JsonPath.read(comment.body(), "$.id");
        assertThat((String) JsonPath.read(comment.body(), "$.status")).isEqualTo("PENDING");
    }

    private static String login(Staff who) {
        return HttpCalls.basic(who.member().username(), StaffFixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> call(Caller caller, String method, String path, String json) {
        return HttpCalls.send(method, url(path), logins.get(caller), "application/json", json);
    }

    /** One endpoint: the status each caller must get, in {@link Caller} order. */
    private record Row(String name, String method, Supplier<String> path, Supplier<String> body, int... expected) {
    }

    @Test
    void everyNewEndpointAnswersEachCallerAsItsScopeSays() {
        List<Row> rows = List.of(
                //                                                anon auth othr tvEd poEd nwEd tvMo poMo nwMo admin
                new Row("GET /api/sections", "GET", () -> "/api/sections", () -> null,
                        401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row("GET /api/public/sections", "GET", () -> "/api/public/sections", () -> null,
                        200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                new Row("POST /api/admin/sections", "POST", () -> "/api/admin/sections",
                        () -> "{\"slug\":\"m-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"M\"}",
                        401, 403, 403, 403, 403, 403, 403, 403, 403, 201),
                new Row("PATCH /api/admin/sections/{slug}", "PATCH", () -> "/api/admin/sections/" + politics,
                        () -> "{\"name\":\"Politics\",\"version\":999}",
                        401, 403, 403, 403, 403, 403, 403, 403, 403, 409),
                new Row("GET /api/articles/{id} (tv)", "GET", () -> "/api/articles/" + inReview.id(), () -> null,
                        401, 200, 404, 200, 404, 200, 403, 403, 403, 403),
                new Row("POST /api/articles/{id}/decision (tv, stale version)", "POST",
                        () -> "/api/articles/" + inReview.id() + "/decision",
                        () -> "{\"decision\":\"APPROVE\",\"version\":999}",
                        401, 403, 403, 409, 404, 409, 403, 403, 403, 403),
                new Row("PUT /api/articles/{id}/section (tv → politics, stale version)", "PUT",
                        () -> "/api/articles/" + inReview.id() + "/section",
                        () -> "{\"section\":\"" + politics + "\",\"version\":999}",
                        401, 403, 403, 403, 404, 409, 403, 403, 403, 403),
                new Row("GET /api/articles/search", "GET", () -> "/api/articles/search?q=" + word, () -> null,
                        401, 200, 200, 200, 200, 200, 403, 403, 403, 403),
                new Row("GET /api/reviews", "GET", () -> "/api/reviews", () -> null,
                        401, 403, 403, 200, 200, 200, 403, 403, 403, 403),
                new Row("GET /api/moderation/comments/search", "GET",
                        () -> "/api/moderation/comments/search?q=" + word, () -> null,
                        401, 403, 403, 403, 403, 403, 200, 200, 200, 403),
                new Row("GET /api/moderation/comments/{id}/history (tv)", "GET",
                        () -> "/api/moderation/comments/" + heldComment + "/history", () -> null,
                        401, 403, 403, 403, 403, 403, 200, 404, 200, 403),
                new Row("POST /api/moderation/decisions (tv)", "POST", () -> "/api/moderation/decisions",
                        () -> "{\"commentIds\":[\"" + UUID.randomUUID() + "\"],\"decision\":\"APPROVE\"}",
                        401, 403, 403, 403, 403, 403, 200, 200, 200, 403),
                new Row("POST /api/admin/webhooks (sections: tv)", "POST", () -> "/api/admin/webhooks",
                        () -> "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"desk-hook\","
                                + "\"events\":[\"comment.held\"],\"sections\":[\"" + tv + "\"]}",
                        401, 403, 403, 403, 403, 403, 403, 403, 403, 201),
                new Row("POST /api/admin/webhooks (sections: none such)", "POST", () -> "/api/admin/webhooks",
                        () -> "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"desk-hook\","
                                + "\"events\":[\"comment.held\"],\"sections\":[\"no-such-desk\"]}",
                        401, 403, 403, 403, 403, 403, 403, 403, 403, 400),
                new Row("POST /api/moderation/bans", "POST", () -> "/api/moderation/bans",
                        () -> "{\"authorEmail\":\"ban-" + UUID.randomUUID().toString().substring(0, 8)
                                + "@example.org\",\"reason\":\"spam\"}",
                        401, 403, 403, 403, 403, 403, 403, 403, 201, 403));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                int status = call(caller, row.method(), row.path().get(), row.body().get()).statusCode();
                int expected = row.expected()[caller.ordinal()];
                if (status != expected) {
                    wrong.add(row.name() + " as " + caller + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void listsAndSearchesLeaveTheOtherDesksItemsOut() {
        for (Caller caller : List.of(Caller.AUTHOR, Caller.TV_EDITOR, Caller.NEWSROOM_EDITOR)) {
            assertThat(call(caller, "GET", "/api/articles/search?q=" + word, null).body())
                    .as(caller.name()).contains(inReview.id());
        }
        for (Caller caller : List.of(Caller.OTHER_WRITER, Caller.POLITICS_EDITOR)) {
            assertThat(call(caller, "GET", "/api/articles/search?q=" + word, null).body())
                    .as(caller.name()).doesNotContain(inReview.id());
            assertThat(call(caller, "GET", "/api/articles?size=100", null).body())
                    .as(caller.name()).doesNotContain(inReview.id());
        }
        assertThat(call(Caller.TV_EDITOR, "GET", "/api/reviews", null).body()).contains(inReview.id());
        assertThat(call(Caller.POLITICS_EDITOR, "GET", "/api/reviews", null).body()).doesNotContain(inReview.id());
        for (Caller caller : List.of(Caller.TV_MODERATOR, Caller.NEWSROOM_MODERATOR)) {
            assertThat(call(caller, "GET", "/api/moderation/comments/search?q=" + word, null).body())
                    .as(caller.name()).contains(heldComment);
            assertThat(call(caller, "GET", "/api/moderation/queue?limit=200", null).body())
                    .as(caller.name()).contains(heldComment);
        }
        assertThat(call(Caller.POLITICS_MODERATOR, "GET", "/api/moderation/comments/search?q=" + word, null).body())
                .doesNotContain(heldComment);
        assertThat(call(Caller.POLITICS_MODERATOR, "GET", "/api/moderation/queue?limit=200", null).body())
                .doesNotContain(heldComment);
        assertThat(call(Caller.POLITICS_MODERATOR, "POST", "/api/moderation/comments/" + heldComment + "/decision",
                "{\"decision\":\"APPROVE\"}").statusCode()).isEqualTo(404);
    }
}
