package dev.copydesk.moderation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/moderation/screening/preview}: the outcome the current policy would give, every
 * reason with its detail and the normalised text, for moderators and admins; nobody else.
 */
@CopydeskIntegrationTest
class ScreeningPreviewIntegrationTests {

    static final String DISGUISED = "{\"body\":\"What an idi\\u043et, f*ck this\"}";

    @Autowired MockMvc mvc;
    @Autowired StaffFixtures staff;

    static MockHttpServletRequestBuilder preview(String json) {
        return post("/api/moderation/screening/preview").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void previewWhenModeratorThenOutcomeReasonsAndNormalisedText() throws Exception {
        mvc.perform(preview(DISGUISED).with(staff.create(Role.MODERATOR).login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REJECT"))
                .andExpect(jsonPath("$.reasons[?(@.code == 'BANNED_WORD')].detail").value(hasItem(containsString("`f*ck` reads as fuck"))))
                .andExpect(jsonPath("$.reasons[?(@.code == 'SUSPECT_WORD')].detail").value(hasItem(containsString("idiot"))))
                .andExpect(jsonPath("$.reasons[?(@.code == 'DISGUISED_TEXT')].detail").value(hasItem(containsString("mixes Latin and Cyrillic"))))
                .andExpect(jsonPath("$.normalisedText").value("what an idiot, f*ck this"));
    }

    @Test
    void previewWhenAdminThenOutcomeReasonsAndNormalisedText() throws Exception {
        mvc.perform(preview("{\"body\":\"Loved the finale, Dick Wolf would be proud\"}").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HOLD"))
                .andExpect(jsonPath("$.reasons[*].code").value(hasItem("FIRST_COMMENT")))
                .andExpect(jsonPath("$.reasons[?(@.code == 'HELD_WORD')]").isEmpty())
                .andExpect(jsonPath("$.normalisedText").value("loved the finale, dick wolf would be proud"));
    }

    @Test
    void previewWhenAnonymousThenUnauthorized() throws Exception {
        mvc.perform(preview(DISGUISED)).andExpect(status().isUnauthorized());
    }

    @Test
    void previewWhenWriterThenForbidden() throws Exception {
        mvc.perform(preview(DISGUISED).with(staff.create(Role.WRITER).login())).andExpect(status().isForbidden());
    }

    @Test
    void previewWhenEditorThenForbidden() throws Exception {
        mvc.perform(preview(DISGUISED).with(staff.create(Role.EDITOR).login())).andExpect(status().isForbidden());
    }

    @Test
    void previewWithUnsavedWordListsUsesThemAndLeavesTheSavedOnesAlone() throws Exception {
        StaffFixtures.Staff moderator = staff.create(Role.MODERATOR);
        mvc.perform(preview("{\"body\":\"Sp0iler alert: the coroner did it\",\"bannedWords\":[\"spoiler\"]}")
                        .with(moderator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REJECT"))
                .andExpect(jsonPath("$.reasons[?(@.code == 'BANNED_WORD')].detail").value(hasItem(containsString("`Sp0iler` reads as spoiler"))));
        mvc.perform(preview("{\"body\":\"Sp0iler alert: the coroner did it\"}").with(moderator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reasons[?(@.code == 'BANNED_WORD')]").isEmpty());
    }

    @Test
    void previewWithAnInvalidWordListThenBadRequestNamingIt() throws Exception {
        mvc.perform(preview("{\"body\":\"Hi\",\"suspectWords\":[\"   \"]}").with(staff.create(Role.MODERATOR).login()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("suspectWords")));
    }

    @Test
    void previewWithoutBodyThenBadRequest() throws Exception {
        mvc.perform(preview("{\"body\":\"\"}").with(staff.create(Role.MODERATOR).login()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void previewOfABannedAuthorThenRejectedAsBannedAuthor() throws Exception {
        StaffFixtures.Staff moderator = staff.create(Role.MODERATOR);
        String email = "preview-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/api/moderation/bans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authorEmail\":\"" + email + "\",\"reason\":\"spam\"}").with(moderator.login()))
                .andExpect(status().isCreated());

        mvc.perform(preview("{\"body\":\"Lovely episode\",\"authorEmail\":\"" + email + "\"}").with(moderator.login()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REJECT"))
                .andExpect(jsonPath("$.reasons[0].code").value("BANNED_AUTHOR"))
                .andExpect(jsonPath("$.reasons", hasSize(2)));
    }
}
