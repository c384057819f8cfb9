package dev.copydesk.moderation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, item 4: the external moderation URL is held to the outbound address policy when an
 * administrator saves it (the default policy: no private addresses), with a 400 naming the field.
 */
@CopydeskIntegrationTest
class ExternalModerationAddressIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ModerationSettingsStore settings;

    @AfterEach
    void restoreDefaults() {
        settings.replace(ModerationSettings.defaults(), "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[::1]/moderate",
            "http://127.0.0.1:5432/", "http://127.0.0.1:22/", "http://localhost:8080/moderate",
            "http://0177.0.0.1/moderate", "http://2130706433/", "http://[::ffff:0:7f00:1]/", "http://[2002:a9fe:a9fe::]/",
            "http://10.0.0.5/moderate", "http://metadata.google.internal/", "ftp://93.184.216.34/"})
    void externalModerationUrlOutsideThePolicyIsRefusedWhenSaved(String url) throws Exception {
        save(url)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("external.url"));
    }

    @Test
    void externalModerationUrlOnAPublicHostIsSaved() throws Exception {
        // A documentation address (public, routed nowhere); the EXTERNAL rule is off, so nothing calls it.
        save("https://203.0.113.10/v1/screen")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.external.url").value(containsString("203.0.113.10")));
    }

    private ResultActions save(String url) throws Exception {
        String body = """
                {"bannedWords":[],"suspectWords":[],"maxLinks":2,"premoderation":false,"trustAfterApproved":1,
                 "flagThreshold":3,"commentsPerMinute":5,"queueSla":"PT2H","rules":{"EXTERNAL":false},
                 "external":{"url":"%s","timeoutMillis":500}}""".formatted(url);
        return mvc.perform(put("/api/admin/moderation-settings").with(staff.admin())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
