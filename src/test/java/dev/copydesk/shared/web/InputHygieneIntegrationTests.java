package dev.copydesk.shared.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Duplicated JSON keys are refused with 400 naming the key. */
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
