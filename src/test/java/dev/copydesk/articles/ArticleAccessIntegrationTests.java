package dev.copydesk.articles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every article endpoint for every kind of caller. A writer asking for another writer's article gets
 * 404 (existence does not leak); a caller whose role cannot do something at all gets 403; the
 * author-only calls (submit, withdraw) are 403 for an editor who is not the author.
 */
@CopydeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleAccessIntegrationTests {

    enum Caller { ANONYMOUS, OWNER, OTHER_WRITER, EDITOR, MODERATOR, ADMIN }

    enum Needs { DRAFT, IN_REVIEW, PUBLISHED }

    /** An endpoint, the article state it needs, and how to call it. */
    record Endpoint(String name, Needs needs, Function<ArticleDetails, MockHttpServletRequestBuilder> request,
            int... expected) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            //                                                          anon owner other editor moder admin
            new Endpoint("POST /api/articles", Needs.DRAFT, a -> json(post("/api/articles"),
                    "{\"title\":\"Access\",\"summary\":\"s\",\"body\":\"b\",\"tags\":[]}"), 401, 201, 201, 201, 403, 403),
            new Endpoint("GET /api/articles", Needs.DRAFT, a -> get("/api/articles"), 401, 200, 200, 200, 403, 403),
            new Endpoint("GET /api/articles/{id}", Needs.DRAFT, a -> get("/api/articles/" + a.id()),
                    401, 200, 404, 200, 403, 403),
            new Endpoint("PUT /api/articles/{id}", Needs.DRAFT, a -> json(put("/api/articles/" + a.id()),
                    "{\"title\":\"Access\",\"summary\":\"s\",\"body\":\"b2\",\"tags\":[],\"version\":" + a.version() + "}"),
                    401, 200, 404, 200, 403, 403),
            new Endpoint("POST /api/articles/{id}/submit", Needs.DRAFT, a -> post("/api/articles/" + a.id() + "/submit"),
                    401, 200, 404, 403, 403, 403),
            new Endpoint("POST /api/articles/{id}/withdraw", Needs.IN_REVIEW,
                    a -> post("/api/articles/" + a.id() + "/withdraw"), 401, 200, 404, 403, 403, 403),
            new Endpoint("GET /api/reviews", Needs.IN_REVIEW, a -> get("/api/reviews"), 401, 403, 403, 200, 403, 403),
            new Endpoint("POST /api/articles/{id}/decision", Needs.IN_REVIEW,
                    a -> json(post("/api/articles/" + a.id() + "/decision"), "{\"decision\":\"APPROVE\",\"version\":" + a.version() + "}"),
                    401, 403, 403, 200, 403, 403),
            new Endpoint("POST /api/articles/{id}/unpublish", Needs.PUBLISHED,
                    a -> json(post("/api/articles/" + a.id() + "/unpublish"), "{\"note\":\"n\"}"),
                    401, 403, 403, 200, 403, 403),
            new Endpoint("PUT /api/articles/{id}/expiry", Needs.PUBLISHED,
                    a -> json(put("/api/articles/" + a.id() + "/expiry"), "{\"unpublishAt\":\"2999-01-01T00:00:00Z\"}"),
                    401, 403, 403, 200, 403, 403),
            new Endpoint("PUT /api/articles/{id}/comment-settings", Needs.PUBLISHED,
                    a -> json(put("/api/articles/" + a.id() + "/comment-settings"),
                            "{\"commentsOpen\":false,\"premoderation\":\"NONE\"}"), 401, 403, 403, 200, 403, 403),
            new Endpoint("GET /api/articles/{id}/history", Needs.IN_REVIEW,
                    a -> get("/api/articles/" + a.id() + "/history"), 401, 200, 404, 200, 403, 403),
            new Endpoint("GET /api/articles/{id}/revisions", Needs.IN_REVIEW,
                    a -> get("/api/articles/" + a.id() + "/revisions"), 401, 200, 404, 200, 403, 403),
            new Endpoint("GET /api/articles/{id}/revisions/{revisionId}", Needs.IN_REVIEW,
                    a -> get("/api/articles/" + a.id() + "/revisions/" + a.pendingReview().revisionId()),
                    401, 200, 404, 200, 403, 403),
            new Endpoint("GET /api/articles/{id}/revisions/{revisionId}/redline", Needs.IN_REVIEW,
                    a -> get("/api/articles/" + a.id() + "/revisions/" + a.pendingReview().revisionId() + "/redline"),
                    401, 200, 404, 200, 403, 403),
            new Endpoint("POST /api/articles/proofs", Needs.DRAFT,
                    a -> json(post("/api/articles/proofs"), "{\"body\":\"**b**\"}"), 401, 200, 200, 200, 403, 403),
            new Endpoint("GET /api/public/articles", Needs.PUBLISHED, a -> get("/api/public/articles"),
                    200, 200, 200, 200, 200, 200),
            new Endpoint("GET /api/public/articles/{slug}", Needs.PUBLISHED, a -> get("/api/public/articles/" + a.slug()),
                    200, 200, 200, 200, 200, 200),
            new Endpoint("GET /api/public/articles/{slug} (draft)", Needs.DRAFT,
                    a -> get("/api/public/articles/" + a.slug()), 404, 404, 404, 404, 404, 404));

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    final Map<Caller, Staff> callers = new LinkedHashMap<>();
    Staff approver;

    @BeforeAll
    void createCallers() {
        callers.put(Caller.OWNER, staff.create(Role.WRITER));
        callers.put(Caller.OTHER_WRITER, staff.create(Role.WRITER));
        callers.put(Caller.EDITOR, staff.create(Role.EDITOR));
        callers.put(Caller.MODERATOR, staff.create(Role.MODERATOR));
        callers.put(Caller.ADMIN, staff.create(Role.ADMIN));
        approver = staff.create(Role.EDITOR);
    }

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream().flatMap(e -> Arrays.stream(Caller.values())
                .map(c -> Arguments.of(e.name(), c, e.expected()[c.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void endpointAnswersCallerWithExpectedStatus(String name, Caller caller, int expected) throws Exception {
        Endpoint endpoint = ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        ArticleDetails article = articleIn(endpoint.needs());
        MockHttpServletRequestBuilder request = endpoint.request().apply(article);
        if (caller != Caller.ANONYMOUS) {
            request.with(callers.get(caller).login());
        }
        mvc.perform(request).andExpect(status().is(expected));
    }

    private ArticleDetails articleIn(Needs needs) {
        Staff owner = callers.get(Caller.OWNER);
        ArticleDetails article = switch (needs) {
            case DRAFT -> articles.draft(owner, "Access draft");
            case IN_REVIEW -> articles.inReview(owner, "Access review");
            case PUBLISHED -> {
                ArticleDetails inReview = articles.inReview(owner, "Access live");
                yield desk.decide(approver.member(), inReview.id(), ReviewDecision.APPROVE, null, null, null,
                        inReview.version());
            }
        };
        return article;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
