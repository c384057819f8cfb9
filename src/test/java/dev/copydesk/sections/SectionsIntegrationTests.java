package dev.copydesk.sections;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ReviewDecision;
import dev.copydesk.articles.ArticleViews.ArticleDetails;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sections through the HTTP API: administrators manage them, articles live in them, the public filters by them. */
@CopydeskIntegrationTest
class SectionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    ArticleFixtures articles;

    @Autowired
    ArticleDesk desk;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String createSection(String slug, String name) throws Exception {
        return mvc.perform(json(post("/api/admin/sections"), "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\"}")
                        .with(staff.admin()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/admin/sections/" + slug))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void adminCreatesRenamesAndArchivesASection() throws Exception {
        String slug = fresh("tv");
        String created = createSection(slug, "Television");
        assertThat((Integer) JsonPath.read(created, "$.version")).isZero();
        mvc.perform(get("/api/public/sections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug", hasItem(slug)))
                .andExpect(jsonPath("$[*].slug", hasItem("news")));

        mvc.perform(json(patch("/api/admin/sections/" + slug), "{\"name\":\"TV & streaming\",\"version\":0}")
                        .with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("TV & streaming"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(patch("/api/admin/sections/" + slug), "{\"archived\":true,\"version\":1}").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));

        mvc.perform(get("/api/public/sections")).andExpect(jsonPath("$[*].slug", not(hasItem(slug))));
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(get("/api/sections").with(writer.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.slug == '" + slug + "')].archived").value(true));
    }

    @Test
    void onlyAnAdminManagesSections() throws Exception {
        Staff editor = staff.create(Role.EDITOR);
        mvc.perform(json(post("/api/admin/sections"), "{\"slug\":\"" + fresh("x") + "\",\"name\":\"X\"}")
                        .with(editor.login()))
                .andExpect(status().isForbidden());
        mvc.perform(json(patch("/api/admin/sections/news"), "{\"name\":\"Hacked\",\"version\":0}").with(editor.login()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/sections")).andExpect(status().isUnauthorized());
    }

    @Test
    void badSectionInputNamesEveryWrongField() throws Exception {
        mvc.perform(json(post("/api/admin/sections"), "{\"slug\":\"Not A Slug\",\"name\":\"\"}").with(staff.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "slug")));
        mvc.perform(json(patch("/api/admin/sections/news"), "{\"name\":\"News\"}").with(staff.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("version")));
    }

    @Test
    void aTakenSlugAStaleVersionAndArchivingTheDefaultAreConflicts() throws Exception {
        String slug = fresh("sport");
        createSection(slug, "Sport");
        mvc.perform(json(post("/api/admin/sections"), "{\"slug\":\"" + slug + "\",\"name\":\"Again\"}").with(staff.admin()))
                .andExpect(status().isConflict());
        mvc.perform(json(patch("/api/admin/sections/" + slug), "{\"name\":\"Sports\",\"version\":7}").with(staff.admin()))
                .andExpect(status().isConflict());
        mvc.perform(json(patch("/api/admin/sections/news"), "{\"archived\":true,\"version\":0}").with(staff.admin()))
                .andExpect(status().isConflict());
        mvc.perform(json(patch("/api/admin/sections/" + fresh("none")), "{\"name\":\"N\",\"version\":0}")
                        .with(staff.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anArticleIsCreatedInASectionAndTheDefaultOtherwise() throws Exception {
        String slug = fresh("politics");
        createSection(slug, "Politics");
        Staff writer = staff.create(Role.WRITER);
        mvc.perform(json(post("/api/articles"), "{\"title\":\"Budget\",\"summary\":\"s\",\"body\":\"b\",\"section\":\""
                        + slug + "\"}").with(writer.login()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.section").value(slug));
        mvc.perform(json(post("/api/articles"), "{\"title\":\"Weather\",\"summary\":\"s\",\"body\":\"b\"}")
                        .with(writer.login()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.section").value("news"));
        mvc.perform(get("/api/articles").param("section", slug).with(writer.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", containsInAnyOrder("Budget")));
    }

    @Test
    void anUnknownOrArchivedSectionTakesNoArticle() throws Exception {
        String slug = fresh("gone");
        createSection(slug, "Gone");
        mvc.perform(json(patch("/api/admin/sections/" + slug), "{\"archived\":true,\"version\":0}").with(staff.admin()))
                .andExpect(status().isOk());
        Staff writer = staff.create(Role.WRITER);
        for (String section : new String[] {slug, fresh("unknown")}) {
            mvc.perform(json(post("/api/articles"), "{\"title\":\"T\",\"summary\":\"s\",\"body\":\"b\",\"section\":\""
                            + section + "\"}").with(writer.login()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("section")));
        }
    }

    @Test
    void thePublicListFiltersBySectionAndShowsIt() throws Exception {
        String slug = fresh("culture");
        createSection(slug, "Culture");
        Staff writer = staff.create(Role.WRITER);
        ArticleDetails inSection = articles.inReviewIn(writer, slug, "Opera night " + slug);
        desk.decide(staff.create(Role.EDITOR).member(), inSection.id(), ReviewDecision.APPROVE, null, null, null,
                inSection.version());
        articles.publishedArticle("Elsewhere " + slug);

        mvc.perform(get("/api/public/articles").param("section", slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", containsInAnyOrder("Opera night " + slug)))
                .andExpect(jsonPath("$.items[0].section.slug").value(slug))
                .andExpect(jsonPath("$.items[0].section.name").value("Culture"));
        mvc.perform(get("/api/public/articles/" + inSection.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.section.name").value("Culture"));
        mvc.perform(get("/api/public/articles").param("section", fresh("nowhere")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());

        // a renamed section shows its new name at once, the public cache included
        mvc.perform(json(patch("/api/admin/sections/" + slug), "{\"name\":\"Arts\",\"version\":0}").with(staff.admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/public/articles/" + inSection.slug()))
                .andExpect(jsonPath("$.section.name").value("Arts"));
    }
}
