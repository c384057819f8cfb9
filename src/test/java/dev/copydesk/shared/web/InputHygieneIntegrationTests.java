package dev.copydesk.shared.web;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff text is cleaned before it is validated and stored: control, bidi and zero-width characters
 * go (line feeds and tabs stay where text has lines), unpaired surrogates and duplicated JSON keys
 * are refused with 400 naming the field. The JSON bodies use escapes, so the characters are exact.
 */
@CopydeskIntegrationTest
class InputHygieneIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffFixtures staff;

    private ResultActions createArticle(Staff writer, String json) throws Exception {
        return mvc.perform(post("/api/articles").with(writer.login()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions createAccount(String json) throws Exception {
        return mvc.perform(post("/api/admin/accounts").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void articleTextLosesControlBidiAndZeroWidthCharactersButKeepsLinesAndEmoji() throws Exception {
        createArticle(staff.create(Role.WRITER), """
                {"title":"Night\\u0000 Trains\\u202e Return\\u200b\\ufeff\\ttoday\\n",
                 "summary":"Line one\\u2067\\r\\nline\\u0085 two\\u061c",
                 "body":"Para \\u0007one.\\n\\n\\ud83d\\udc69\\u200d\\ud83d\\udcbb codes\\u200e\\u2060.",
                 "tags":["r\\u200bail","\\u202dnight"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Night Trains Return today"))
                .andExpect(jsonPath("$.summary").value("Line one\nline two"))
                .andExpect(jsonPath("$.body").value("Para one.\n\n\ud83d\udc69\u200d\ud83d\udcbb codes."))
                .andExpect(jsonPath("$.tags", contains("rail", "night")));
    }

    @Test
    void articleTitleOfOnlyInvisibleCharactersThenBlankAndUnpairedSurrogatesThenBadRequestNamingTheField()
            throws Exception {
        Staff writer = staff.create(Role.WRITER);
        createArticle(writer, """
                {"title":"\\u200b\\u200d\\u202e\\u0000","summary":"s","body":"b","tags":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        createArticle(writer, """
                {"title":"Broken \\ud800","summary":"s","body":"b","tags":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("must not contain unpaired surrogate characters"));
        createArticle(writer, """
                {"title":"Fine","summary":"s","body":"a low one alone \\udc00","tags":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        createArticle(writer, """
                {"title":"Fine","summary":"s","body":"b","tags":["ok","\\udbff"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tags[1]"));
        createArticle(writer, """
                {"title":"Fine \\ud83d\\ude00","summary":"s","body":"b","tags":[]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Fine \ud83d\ude00"));
    }

    @Test
    void displayNameLosesInvisibleCharactersSoNobodyPosesAsAnotherEditor() throws Exception {
        String username = "edith-" + UUID.randomUUID().toString().substring(0, 8);
        String created = createAccount("""
                {"username":"%s","displayName":"Edith Editor\\u200b\\u202e","email":"%s@example.org",
                 "password":"long-enough-password","roles":["EDITOR"]}""".formatted(username, username))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("Edith Editor"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(patch("/api/admin/accounts/" + id).with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"\\u2066Edith\\u00a0E.\\u2069\\u200c\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Edith\u00a0E."));
        mvc.perform(patch("/api/admin/accounts/" + id).with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"\\u200b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
        mvc.perform(patch("/api/admin/accounts/" + id).with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Edith \\ud800\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
    }

    @Test
    void displayNameOfOnlyInvisibleCharactersThenBlank() throws Exception {
        String username = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        createAccount("""
                {"username":"%s","displayName":"\\u200b\\u2060\\ufeff","email":"%s@example.org",
                 "password":"long-enough-password","roles":["EDITOR"]}""".formatted(username, username))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void duplicatedJsonKeyThenBadRequestNamingIt() throws Exception {
        Staff writer = staff.create(Role.WRITER);
        createArticle(writer, """
                {"title":"Harmless","summary":"s","body":"b","tags":[],"title":"Swapped"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("appears more than once"));
        String username = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        createAccount("""
                {"username":"%s","displayName":"D","email":"%s@example.org","password":"long-enough-password",
                 "roles":["WRITER"],"roles":["ADMIN"]}""".formatted(username, username))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        createArticle(writer, """
                {"title":"Harmless","summary":"s","body":"b","tags":[]}""")
                .andExpect(status().isCreated());
    }
}
