package dev.copydesk.articles;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One article's story over HTTP, from draft to live, as the writer, the editor and the public see it. */
@CopydeskIntegrationTest
class ArticleStoryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    PublishedArticles published;

    @Test
    void writerCreatesSubmitsAndEditorApprovesThenThePublicReadsIt() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);

        MvcResult created = mvc.perform(post("/api/articles").with(writer.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Harbour Bridge Reopens","summary":"After two years.",
                                 "body":"The bridge is **open** again.","tags":["City","transport"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/articles/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.slug").value("harbour-bridge-reopens"))
                .andExpect(jsonPath("$.authorId").value(writer.id()))
                .andExpect(jsonPath("$.tags[0]").value("city"))
                .andExpect(jsonPath("$.version").isNumber())
                .andExpect(jsonPath("$.createdAt").isString())
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        String slug = JsonPath.read(created.getResponse().getContentAsString(), "$.slug");

        mvc.perform(get("/api/public/articles/" + slug)).andExpect(status().isNotFound());

        int reviewed = JsonPath.read(mvc.perform(post("/api/articles/" + id + "/submit").with(writer.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.pendingReview.revision").value(1))
                .andExpect(jsonPath("$.pendingReview.overdue").value(false))
                .andReturn().getResponse().getContentAsString(), "$.version");

        mvc.perform(post("/api/articles/" + id + "/decision").with(editor.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"note\":\"Good.\",\"version\":" + reviewed + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedAt").isString())
                .andExpect(jsonPath("$.lastReviewNote").value("Good."));

        mvc.perform(get("/api/public/articles/" + slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(slug))
                .andExpect(jsonPath("$.title").value("Harbour Bridge Reopens"))
                .andExpect(jsonPath("$.bodyHtml").value("<p>The bridge is <strong>open</strong> again.</p>"))
                .andExpect(jsonPath("$.authorName").value(writer.member().displayName()))
                .andExpect(jsonPath("$.commentsOpen").value(true))
                .andExpect(jsonPath("$.commentCount").value(0))
                .andExpect(jsonPath("$.body").doesNotExist())
                .andExpect(jsonPath("$.authorId").doesNotExist());

        assertThat(published.findBySlug(slug)).get()
                .satisfies(p -> {
                    assertThat(p.id()).isEqualTo(id);
                    assertThat(p.authorId()).isEqualTo(writer.id());
                    assertThat(p.commentsOpen()).isTrue();
                    assertThat(p.premoderation()).isEqualTo(CommentPremoderation.INHERIT);
                });
    }

    @Test
    void publishedArticlesKnowsNothingAboutDraftsOrReviews() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        var draft = articles.draft(writer, "Still A Draft");
        var inReview = articles.inReview(writer, "Waiting For An Editor");
        assertThat(published.findById(draft.id())).isEmpty();
        assertThat(published.findBySlug(draft.slug())).isEmpty();
        assertThat(published.findById(inReview.id())).isEmpty();
        assertThat(published.findById("not-an-id")).isEmpty();
        mvc.perform(get("/api/public/articles/" + inReview.slug())).andExpect(status().isNotFound());
    }

    @Test
    void fixtureReturnsALiveArticleThePublicCanRead() throws Exception {
        PublishedArticle live = articles.publishedArticle("Fixture Made This");
        assertThat(live.slug()).startsWith("fixture-made-this");
        assertThat(published.findBySlug(live.slug())).contains(live);
        mvc.perform(get("/api/public/articles/" + live.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Fixture Made This"))
                .andExpect(jsonPath("$.bodyHtml", containsString("<h1>Fixture Made This</h1>")));
    }
}
