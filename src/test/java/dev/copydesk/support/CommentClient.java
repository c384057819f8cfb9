package dev.copydesk.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Posts comments through the public HTTP API as readers do, each from its own client address unless
 * one is given (flood control counts per address), and decides them as a moderator.
 */
public class CommentClient {

    private final MockMvc mvc;

    public CommentClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static String newEmail() {
        return "reader-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
    }

    public static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public static String json(String authorName, String authorEmail, String body, String parentId) {
        return "{\"authorName\":" + quote(authorName) + ",\"authorEmail\":" + quote(authorEmail) + ",\"body\":"
                + quote(body) + (parentId == null ? "" : ",\"parentId\":" + quote(parentId)) + "}";
    }

    public static MockHttpServletRequestBuilder postComment(String slug, String json) {
        return post("/api/public/articles/{slug}/comments", slug).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** Posts a comment and answers the raw result (any status). */
    public MvcResult send(String slug, String json, String address) throws Exception {
        return mvc.perform(postComment(slug, json).with(from(address))).andReturn();
    }

    /** Posts a comment that must be accepted (202) and answers its id. */
    public String comment(String slug, String email, String body) throws Exception {
        return comment(slug, email, body, null);
    }

    public String comment(String slug, String email, String body, String parentId) throws Exception {
        MvcResult result = send(slug, json("Reader " + email.substring(7, 11), email, body, parentId), randomAddress());
        if (result.getResponse().getStatus() != 202) {
            throw new AssertionError("Expected 202 but got " + result.getResponse().getStatus() + ": "
                    + result.getResponse().getContentAsString());
        }
        return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
    }

    public String status(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.status");
    }

    /** A comment that is visible: posted and, when screening held it, approved by {@code moderator}. */
    public String approvedComment(String slug, String email, String body, String parentId, RequestPostProcessor moderator)
            throws Exception {
        MvcResult result = send(slug, json("Reader", email, body, parentId), randomAddress());
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        if ("PENDING".equals(status(result))) {
            decide(id, "APPROVE", null, moderator);
        }
        return id;
    }

    public MvcResult decide(String commentId, String decision, String reason, RequestPostProcessor moderator)
            throws Exception {
        return mvc.perform(post("/api/moderation/comments/{id}/decision", commentId).with(moderator)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"" + decision + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}"))
                .andReturn();
    }

    public MvcResult flag(String commentId, String reason, String address) throws Exception {
        return mvc.perform(post("/api/public/comments/{id}/flags", commentId).with(from(address))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + reason + "\"}")).andReturn();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
