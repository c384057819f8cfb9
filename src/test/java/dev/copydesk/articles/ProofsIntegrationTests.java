package dev.copydesk.articles;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The proof is the public page's own rendering; the redline compares two revisions of one article. */
@CopydeskIntegrationTest
class ProofsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    @Test
    void aProofRendersMarkdownAsThePublicPageDoesAndEscapesRawHtml() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(post("/api/articles/proofs").with(writer.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"More **romance** ahead <script>alert(1)</script> [x](javascript:alert(1))\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("<strong>romance</strong>"),
                        org.hamcrest.Matchers.containsString("&lt;script&gt;"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("javascript:")))));
    }

    @Test
    void aProofWithoutABodyIsAProblemNamingTheField() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(post("/api/articles/proofs").with(writer.login()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void theRedlineOfAResubmissionShowsTheChangedLinesAgainstTheFirstRevision() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        ArticleDetails first = articles.inReview(writer, "Spoilers ahead");
        String firstRevision = first.pendingReview().revisionId();
        ArticleDetails back = desk.decide(editor.member(), first.id(), ReviewDecision.REQUEST_CHANGES, "Name the show.",
                null, null, first.version());
        ArticleDetails edited = desk.edit(writer.member(), first.id(), new ArticleDraft("Spoilers ahead", back.summary(),
                "More romance ahead for two detectives.", List.of("news")), back.version());
        String second = desk.submit(writer.member(), edited.id()).pendingReview().revisionId();

        mvc.perform(get("/api/articles/" + first.id() + "/revisions/" + second + "/redline")
                        .param("against", firstRevision).with(editor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revisionId").value(second))
                .andExpect(jsonPath("$.againstId").value(firstRevision))
                .andExpect(jsonPath("$.changed").value(4))
                .andExpect(jsonPath("$.lines[?(@.change == 'ADDED')].text").value(
                        org.hamcrest.Matchers.contains("More romance ahead for two detectives.")));

        mvc.perform(get("/api/articles/" + first.id() + "/revisions/" + second + "/redline").with(editor.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.againstId").doesNotExist())
                .andExpect(jsonPath("$.lines[?(@.change != 'ADDED')]", hasSize(0)));

        mvc.perform(get("/api/articles/" + first.id() + "/revisions/" + second + "/redline")
                        .param("against", "no-such-revision").with(editor.login()))
                .andExpect(status().isNotFound());
    }
}
