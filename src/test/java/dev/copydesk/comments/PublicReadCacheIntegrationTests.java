package dev.copydesk.comments;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.moderation.ModerationSettings;
import dev.copydesk.moderation.ModerationSettingsStore;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.newEmail;
import static dev.copydesk.support.CommentClient.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public article and thread are served from memory (see docs/benchmarks.md), so these tests read
 * first (filling the cache) and then change something: the next read must show the change at once.
 */
@CopydeskIntegrationTest
class PublicReadCacheIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired StaffFixtures staff;
    @Autowired ArticleFixtures articles;
    @Autowired ArticleDesk articleDesk;
    @Autowired ModerationSettingsStore settings;

    CommentClient client;
    PublishedArticle article;
    Staff moderator;

    @BeforeEach
    void setUp() {
        client = new CommentClient(mvc);
        article = articles.publishedArticle("Spoilers " + UUID.randomUUID());
        moderator = staff.create(Role.MODERATOR);
    }

    @AfterEach
    void restoreSettings() {
        settings.replace(ModerationSettings.defaults(), "test");
    }

    @Test
    void anApprovedCommentShowsOnTheNextReadOfTheThreadAndTheArticle() throws Exception {
        String held = client.comment(article.slug(), newEmail(), "First time here, lovely piece");
        readThread().andExpect(jsonPath("$.items", hasSize(0)));
        readArticle().andExpect(jsonPath("$.commentCount").value(0));

        client.decide(held, "APPROVE", null, moderator.login());

        readThread().andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].id").value(held));
        readArticle().andExpect(jsonPath("$.commentCount").value(1));
    }

    @Test
    void aHeldOrRejectedCommentNeverShowsAndLeavesTheCachedThreadAlone() throws Exception {
        String visible = client.approvedComment(article.slug(), newEmail(), "Team slow burn", null, moderator.login());
        String etag = readThread().andExpect(jsonPath("$.items", hasSize(1))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);

        String held = client.comment(article.slug(), newEmail(), "Another first-timer");
        client.decide(held, "REJECT", "OFF_TOPIC", moderator.login());

        readThread().andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].id").value(visible))
                .andExpect(header().string(HttpHeaders.ETAG, etag));
    }

    @Test
    void aCommentHiddenByReaderFlagsLeavesTheThreadAtOnce() throws Exception {
        ModerationSettings d = ModerationSettings.defaults();
        settings.replace(new ModerationSettings(d.bannedWords(), d.suspectWords(), d.maxLinks(), d.premoderation(),
                d.trustAfterApproved(), 2, d.commentsPerMinute(), d.queueSla(), d.rules(), d.shoutingMinLetters(),
                d.external()), "test");
        String visible = client.approvedComment(article.slug(), newEmail(), "Abusive but approved by mistake", null,
                moderator.login());
        readThread().andExpect(jsonPath("$.items", hasSize(1)));

        assertThat(client.flag(visible, "ABUSE", randomAddress()).getResponse().getStatus()).isLessThan(300);
        assertThat(client.flag(visible, "ABUSE", randomAddress()).getResponse().getStatus()).isLessThan(300);

        readThread().andExpect(jsonPath("$.items", hasSize(0)));
        readArticle().andExpect(jsonPath("$.commentCount").value(0));
    }

    @Test
    void closingCommentsShowsOnTheNextReadOfTheArticle() throws Exception {
        readArticle().andExpect(jsonPath("$.commentsOpen").value(true));
        Staff editor = staff.create(Role.EDITOR);

        mvc.perform(put("/api/articles/{id}/comment-settings", article.id()).with(editor.login())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commentsOpen\":false,\"premoderation\":\"" + CommentPremoderation.INHERIT + "\"}"))
                .andExpect(status().isOk());

        readArticle().andExpect(jsonPath("$.commentsOpen").value(false));
    }

    @Test
    void anAuthorsNewDisplayNameShowsOnTheNextReadOfTheirArticle() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        PublishedArticle own = articles.publishedArticleBy(writer, "By-line " + UUID.randomUUID());
        mvc.perform(get("/api/public/articles/{slug}", own.slug())).andExpect(status().isOk())
                .andExpect(jsonPath("$.authorName").value(writer.member().displayName()));

        mvc.perform(patch("/api/admin/accounts/{id}", writer.id()).with(staff.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Renamed Reporter\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/public/articles/{slug}", own.slug())).andExpect(status().isOk())
                .andExpect(jsonPath("$.authorName").value("Renamed Reporter"));
    }

    @Test
    void anUnchangedReadIsNotModifiedForItsEntityTagAndAChangedOneIsNot() throws Exception {
        MvcResult first = readArticle().andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache"))
                .andExpect(header().exists(HttpHeaders.ETAG)).andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);

        mvc.perform(get("/api/public/articles/{slug}", article.slug()).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(content().string(""));
        mvc.perform(get("/api/public/articles/{slug}", article.slug()).header(HttpHeaders.IF_NONE_MATCH, "*"))
                .andExpect(status().isNotModified());

        client.approvedComment(article.slug(), newEmail(), "Now there is a comment", null, moderator.login());

        mvc.perform(get("/api/public/articles/{slug}", article.slug()).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commentCount").value(1))
                .andExpect(header().string(HttpHeaders.ETAG, org.hamcrest.Matchers.not(etag)));
    }

    @Test
    void anUnknownArticleIsStillAProblemDocumentAndIsNotCached() throws Exception {
        mvc.perform(get("/api/public/articles/{slug}", "no-such-article-" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/public/articles/{slug}/comments", "no-such-article-" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private org.springframework.test.web.servlet.ResultActions readThread() throws Exception {
        return mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private org.springframework.test.web.servlet.ResultActions readArticle() throws Exception {
        return mvc.perform(get("/api/public/articles/{slug}", article.slug()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }
}
