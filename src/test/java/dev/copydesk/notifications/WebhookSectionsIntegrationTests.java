package dev.copydesk.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

import dev.copydesk.sections.Sections;
import dev.copydesk.support.StaffFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks limited to sections, against real receivers on localhost: a receiver of the TV desk gets
 * the TV desk's article and comment events and none of politics'; a receiver without sections gets
 * every section's.
 */
@NotificationsIntegrationTest
class WebhookSectionsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Autowired
    Sections sections;

    Newsroom newsroom;
    String tv;
    String politics;
    TestReceiver tvDesk;
    TestReceiver wholeNewsroom;
    final List<String> webhooks = new ArrayList<>();

    @BeforeEach
    void registerReceivers() throws Exception {
        newsroom = new Newsroom(transactions, publisher, dataSource);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tv = sections.create("tv-" + suffix, "TV").slug();
        politics = sections.create("politics-" + suffix, "Politics").slug();
        tvDesk = new TestReceiver();
        wholeNewsroom = new TestReceiver();
        webhooks.add(id(register(tvDesk.url(), List.of(tv)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sections", contains(tv)))));
        webhooks.add(id(register(wholeNewsroom.url(), null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sections.length()").value(0))));
    }

    @AfterEach
    void removeReceivers() throws Exception {
        tvDesk.close();
        wholeNewsroom.close();
        for (String id : webhooks) {
            mvc.perform(delete("/api/admin/webhooks/" + id).with(staff.admin()));
        }
    }

    @Test
    void receiverOfOneSectionGetsThatSectionsEventsOnly() throws Exception {
        newsroom.commit(TestEvent.of("article.published", "articleId", "a-tv", "slug", "tv-spoilers", "section", tv,
                "authorId", "w-1"));
        newsroom.commit(TestEvent.of("comment.held", "commentId", "c-tv", "articleSlug", "tv-spoilers", "section", tv));
        newsroom.commit(TestEvent.of("article.published", "articleId", "a-pol", "slug", "budget", "section", politics,
                "authorId", "w-1"));
        newsroom.commit(TestEvent.of("comment.held", "commentId", "c-pol", "articleSlug", "budget", "section",
                politics));

        runEveryJobOf(webhooks.get(0));
        runEveryJobOf(webhooks.get(1));

        assertThat(tvDesk.received()).extracting(r -> JsonPath.<String>read(r.body(), "$.data.section"))
                .containsExactlyInAnyOrder(tv, tv);
        assertThat(tvDesk.received()).extracting(r -> JsonPath.<String>read(r.body(), "$.type"))
                .containsExactlyInAnyOrder("article.published", "comment.held");
        assertThat(wholeNewsroom.received()).extracting(r -> JsonPath.<String>read(r.body(), "$.data.section"))
                .containsExactlyInAnyOrder(tv, tv, politics, politics);
    }

    @Test
    void eventJournaledWithoutASectionIsTheDefaultSectionsAndNotForAnotherDesk() throws Exception {
        newsroom.commit(TestEvent.of("article.published", "articleId", "a-old", "slug", "old", "authorId", "w-1"));

        runEveryJobOf(webhooks.get(0));
        runEveryJobOf(webhooks.get(1));

        assertThat(tvDesk.received()).isEmpty();
        assertThat(wholeNewsroom.received()).hasSize(1);
    }

    @Test
    void receiverOfTheDefaultSectionGetsEventsWithoutASection() throws Exception {
        TestReceiver news = new TestReceiver();
        try {
            webhooks.add(id(register(news.url(), List.of(Sections.DEFAULT_SECTION)).andExpect(status().isCreated())));
            newsroom.commit(TestEvent.of("article.published", "articleId", "a-old2", "slug", "old2", "authorId", "w-1"));

            runEveryJobOf(webhooks.get(2));

            assertThat(news.received()).hasSize(1);
        } finally {
            news.close();
        }
    }

    @Test
    void unknownSectionsAreRefusedNamingEveryWrongEntryWithTheOtherWrongFields() throws Exception {
        mvc.perform(post("/api/admin/webhooks").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("url", tvDesk.url(), "secret", "s3cret-hook",
                                "events", List.of("article.published", "article.exploded"),
                                "sections", List.of(tv, "no-such-desk", "Not A Slug")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("events[1]", "sections[1]", "sections[2]")));
        mvc.perform(get("/api/admin/webhooks").with(staff.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sections[*]", not(hasItem("no-such-desk"))));
    }

    private void runEveryJobOf(String webhookId) throws Exception {
        String body = mvc.perform(get("/api/admin/webhooks/" + webhookId + "/deliveries").with(staff.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> deliveryIds = JsonPath.read(body, "$[*].id");
        for (String deliveryId : deliveryIds) {
            String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deliveryId)
                    .singleResult().getId();
            management.executeJob(management.createJobQuery().processInstanceId(instanceId).singleResult().getId());
        }
    }

    private ResultActions register(String url, List<String> desks) throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("url", url, "secret", "s3cret-hook",
                "events", List.of("article.published", "comment.held")));
        if (desks != null) {
            request.put("sections", desks);
        }
        return mvc.perform(post("/api/admin/webhooks").with(staff.admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(request)));
    }

    private static String id(ResultActions created) throws Exception {
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
