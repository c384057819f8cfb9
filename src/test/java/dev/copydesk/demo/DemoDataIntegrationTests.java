package dev.copydesk.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.support.UniqueInstance;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo profile gives a newcomer one account per role and every flow in some state. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = UniqueInstance.class)
class DemoDataIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyRoleLogsInWithItsDocumentedPassword() throws Exception {
        for (String[] account : new String[][] {{"writer", "WRITER"}, {"reporter", "WRITER"}, {"editor", "EDITOR"},
                {"moderator", "MODERATOR"}, {"chief", "ADMIN"}}) {
            mvc.perform(get("/api/me").with(httpBasic(account[0], account[0] + "-password")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.roles", hasItem(account[1])));
        }
    }

    @Test
    void theLivePieceHasItsThreadAndTheDeskHasWorkInEveryState() throws Exception {
        mvc.perform(get("/api/public/articles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", hasItem("Spoilers: more romance ahead for two detectives")));
        mvc.perform(get("/api/public/articles/spoilers-more-romance-ahead-for-two-detectives/comments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].authorName", hasItems("Priya", "Sam")))
                .andExpect(jsonPath("$.items[?(@.parentId)]").isNotEmpty())
                .andExpect(content().string(not(containsString("wanker"))))
                .andExpect(content().string(not(containsString("@example"))));
        mvc.perform(get("/api/moderation/queue?queue=pending").with(httpBasic("moderator", "moderator-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].authorName", hasItem("Deals4U")));
        mvc.perform(get("/api/articles").with(httpBasic("editor", "editor-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].status", hasItems("PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED",
                        "SCHEDULED", "DRAFT")));
        mvc.perform(get("/api/reviews").with(httpBasic("editor", "editor-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", hasItem("Ratings week: what the numbers say")));
    }
}
