package dev.copydesk.notifications;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registering receivers with the default allow-list (no private addresses): what is refused, what is kept. */
@CopydeskIntegrationTest
class WebhookRegistrationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://169.254.10.20/hook",
            "http://[fe80::1]/hook",
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://[::1]/hook",
            "http://10.1.2.3/hook",
            "http://172.20.0.1/hook",
            "http://192.168.1.10/hook",
            "http://0.0.0.0/hook",
            "ftp://93.184.216.34/hook",
            "file:///etc/passwd",
            "https://user:pass@93.184.216.34/hook",
            "not a url"})
    void receiverAddressOutsideTheAllowListIsRefused(String url) throws Exception {
        register(url, List.of("article.published"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
    }

    @Test
    void publicReceiverIsRegisteredAndItsSecretNeverServed() throws Exception {
        String body = register("https://93.184.216.34/hooks/copydesk", List.of("article.published", "comment.approved"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.url").value("https://93.184.216.34/hooks/copydesk"))
                .andExpect(jsonPath("$.events.length()").value(2))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/admin/webhooks").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)))
                .andExpect(jsonPath("$[*].secret").isEmpty())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("registration-secret"))));
        mvc.perform(get("/api/admin/webhooks/" + id + "/deliveries").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(delete("/api/admin/webhooks/" + id).with(staff.admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/admin/webhooks/" + id + "/deliveries").with(staff.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/webhooks").with(staff.admin()))
                .andExpect(jsonPath("$[*].id", not(hasItem(id))));
    }

    @Test
    void unknownEventTypeIsRefusedNamingTheEntry() throws Exception {
        register("https://93.184.216.34/hook", List.of("article.published", "article.exploded"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events[1]"));
    }

    @Test
    void missingSecretOrEventsIsRefused() throws Exception {
        mvc.perform(post("/api/admin/webhooks").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://93.184.216.34/hook\",\"events\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("secret")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events")));
    }

    @Test
    void deliveriesOfAnUnknownWebhookAreNotFound() throws Exception {
        mvc.perform(get("/api/admin/webhooks/not-an-id/deliveries").with(staff.admin()))
                .andExpect(status().isNotFound());
    }

    private ResultActions register(String url, List<String> events) throws Exception {
        return mvc.perform(post("/api/admin/webhooks").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("url", url, "secret", "registration-secret", "events", events))));
    }
}
