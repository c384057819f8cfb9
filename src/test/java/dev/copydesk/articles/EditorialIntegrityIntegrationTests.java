package dev.copydesk.articles;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.HttpCalls;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;
import dev.copydesk.support.UniqueInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two approval exploits of issue 12, replayed over a real port (the whole filter chain and
 * Tomcat): an approval of a revision swapped under the editor, and an editor approving text they
 * wrote into a writer's draft. The configuration is the browser tests' (one context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ActiveProfiles("test")
@ContextConfiguration(initializers = UniqueInstance.class)
@Import({StaffFixtures.class, ArticleFixtures.class})
class EditorialIntegrityIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    @Test
    void approvalOfARevisionSwappedAfterTheEditorReadItIsRefusedAndTheReadVersionOfTheNewOnePublishes()
            throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        String id = articles.inReview(writer, "Harmless Review Copy").id();
        JsonNode read = JSON.readTree(get(editor, "/api/articles/" + id).body());

        desk.withdraw(writer.member(), id);
        ArticleDetails draft = desk.get(writer.member(), id);
        desk.edit(writer.member(), id, new ArticleDraft("Harmless Review Copy", "s", "Libel the editor never read.",
                List.of()), draft.version());
        desk.submit(writer.member(), id);

        HttpResponse<String> stale = decide(editor, id, read.get("version").asLong());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(stale.body());
        JsonNode now = JSON.readTree(get(editor, "/api/articles/" + id).body());
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(now.get("version").asLong());
        assertThat(HttpCalls.get(url("/api/public/articles/" + now.get("slug").asText())).statusCode()).isEqualTo(404);

        HttpResponse<String> fresh = decide(editor, id, now.get("version").asLong());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fresh.body()).get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void editorWhoRewroteTheWritersDraftCannotApproveItButAnotherEditorCan() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff rewriter = staff.create(Role.EDITOR);
        ArticleDetails draft = articles.draft(writer, "Desk Rewrite");
        desk.edit(rewriter.member(), draft.id(), new ArticleDraft("Desk Rewrite", "s", "The editor's own words.",
                List.of()), draft.version());
        long version = desk.submit(writer.member(), draft.id()).version();

        HttpResponse<String> own = decide(rewriter, draft.id(), version);
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(own.body()).get("type").asText()).isEqualTo("https://copydesk.dev/problems/forbidden");

        assertThat(decide(staff.create(Role.EDITOR), draft.id(), version).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> decide(Staff editor, String id, long version) {
        return HttpCalls.postJson(url("/api/articles/" + id + "/decision"), editor.member().username(),
                StaffFixtures.PASSWORD, "{\"decision\":\"APPROVE\",\"version\":" + version + "}");
    }

    private HttpResponse<String> get(Staff caller, String path) {
        return HttpCalls.get(url(path), caller.member().username(), StaffFixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
