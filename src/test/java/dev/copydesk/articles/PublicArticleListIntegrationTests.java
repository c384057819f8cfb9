package dev.copydesk.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.articles.ArticleViews.ArticleDraft;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public list: newest first, keyset cursors that stay stable while articles are published meanwhile. */
@CopydeskIntegrationTest
class PublicArticleListIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleDesk desk;

    @Test
    void pagingWhileNewArticlesArePublishedNeitherRepeatsNorSkips() throws Exception {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        Staff writer = staff.create(Role.WRITER);
        Staff editor = staff.create(Role.EDITOR);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(0, publish(writer, editor, "Paged " + i, tag));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get("/api/public/articles").param("tag", tag).param("limit", "2");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(json, "$.items[*].slug"));
            cursor = JsonPath.read(json, "$.nextCursor");
            // Someone publishes while the reader pages: it sorts before the cursor and never shifts a page.
            publish(writer, editor, "Breaking " + pages, tag);
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(before);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listItemsCarryTheContractFieldsAndNoBody() throws Exception {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        Staff writer = staff.create(Role.WRITER);
        publish(writer, staff.create(Role.EDITOR), "Listed", tag);
        mvc.perform(get("/api/public/articles").param("tag", tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].slug").isString())
                .andExpect(jsonPath("$.items[0].title").value("Listed"))
                .andExpect(jsonPath("$.items[0].summary").value("s"))
                .andExpect(jsonPath("$.items[0].tags[0]").value(tag))
                .andExpect(jsonPath("$.items[0].authorName").value(writer.member().displayName()))
                .andExpect(jsonPath("$.items[0].publishedAt").isString())
                .andExpect(jsonPath("$.items[0].commentCount").value(0))
                .andExpect(jsonPath("$.items[0].bodyHtml").doesNotExist())
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void invalidCursorOrLimitThenBadRequestNamingTheParameter() throws Exception {
        mvc.perform(get("/api/public/articles").param("cursor", "not-a-cursor!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/public/articles").param("cursor", "aGVsbG98d29ybGQ"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/public/articles").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/public/articles").param("limit", "101"))
                .andExpect(status().isBadRequest());
    }

    private String publish(Staff writer, Staff editor, String title, String tag) {
        ArticleDetails draft = desk.create(writer.member(), new ArticleDraft(title, "s", "b", List.of(tag)));
        ArticleDetails inReview = desk.submit(writer.member(), draft.id());
        desk.decide(editor.member(), draft.id(), ReviewDecision.APPROVE, null, null, null, inReview.version());
        return draft.slug();
    }
}
