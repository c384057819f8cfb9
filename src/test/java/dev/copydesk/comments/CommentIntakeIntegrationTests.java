package dev.copydesk.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.copydesk.accounts.Role;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.CommentCounts;
import dev.copydesk.articles.CommentPremoderation;
import dev.copydesk.articles.PublishedArticle;
import dev.copydesk.moderation.ModerationSettings;
import dev.copydesk.moderation.ModerationSettingsStore;
import dev.copydesk.support.ArticleFixtures;
import dev.copydesk.support.CommentClient;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static dev.copydesk.support.CommentClient.from;
import static dev.copydesk.support.CommentClient.json;
import static dev.copydesk.support.CommentClient.newEmail;
import static dev.copydesk.support.CommentClient.postComment;
import static dev.copydesk.support.CommentClient.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Readers' side over HTTP: intake, idempotency, flood control, the public thread, and no emails in public. */
@CopydeskIntegrationTest
class CommentIntakeIntegrationTests {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @Autowired MockMvc mvc;
    @Autowired dev.copydesk.shared.process.EngineClock engineClock;
    @Autowired StaffFixtures staff;
    @Autowired ArticleFixtures articles;
    @Autowired ArticleDesk articleDesk;
    @Autowired CommentDesk comments;
    @Autowired CommentCounts counts;
    @Autowired ModerationSettingsStore settings;

    CommentClient client;
    PublishedArticle article;
    Staff moderator;

    @BeforeEach
    void setUp() {
        client = new CommentClient(mvc);
        article = articles.publishedArticle("Two detectives " + UUID.randomUUID());
        moderator = staff.create(Role.MODERATOR);
    }

    @AfterEach
    void restoreSettings() {
        settings.replace(ModerationSettings.defaults(), "test");
    }

    @Test
    void postAnswers202WithTheScreeningOutcomeAndReasonCodesButNoDetails() throws Exception {
        mvc.perform(postComment(article.slug(), json("Ann", newEmail(), "What a m0r0n", null)).with(from(randomAddress())))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.reasons", contains("SUSPECT_WORD", "FIRST_COMMENT")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("moron"))));
    }

    @Test
    void postOnUnknownOrUnpublishedArticleIsNotFound() throws Exception {
        mvc.perform(postComment("no-such-article", json("Ann", newEmail(), "Hello", null)).with(from(randomAddress())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String draftSlug = articles.draft(staff.create(Role.WRITER), "Draft " + UUID.randomUUID()).slug();
        mvc.perform(postComment(draftSlug, json("Ann", newEmail(), "Hello", null)).with(from(randomAddress())))
                .andExpect(status().isNotFound());
    }

    @Test
    void postWhenCommentsAreClosedIsConflict() throws Exception {
        articleDesk.changeCommentSettings(staff.create(Role.EDITOR).member(), article.id(), false,
                CommentPremoderation.INHERIT);
        mvc.perform(postComment(article.slug(), json("Ann", newEmail(), "Hello", null)).with(from(randomAddress())))
                .andExpect(status().isConflict());
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() throws Exception {
        mvc.perform(postComment(article.slug(), json("Ann", "not-an-email", "Hello", null)).with(from(randomAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("authorEmail"));
        mvc.perform(postComment(article.slug(), json("Ann", newEmail(), "x".repeat(4001), null)).with(from(randomAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(postComment(article.slug(), json("Ann", newEmail(), "   ", null)).with(from(randomAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void parentMustBeAVisibleCommentOfTheSameArticle() throws Exception {
        String visible = client.approvedComment(article.slug(), newEmail(), "Parent comment", null, moderator.login());
        String held = client.comment(article.slug(), newEmail(), "Held parent");
        PublishedArticle other = articles.publishedArticle("Other " + UUID.randomUUID());
        String elsewhere = client.approvedComment(other.slug(), newEmail(), "Elsewhere", null, moderator.login());

        for (String parent : List.of(held, elsewhere, UUID.randomUUID().toString(), "junk")) {
            mvc.perform(postComment(article.slug(), json("Ann", newEmail(), "A reply", parent)).with(from(randomAddress())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        }
        mvc.perform(postComment(article.slug(), json("Ann", newEmail(), "A reply", visible)).with(from(randomAddress())))
                .andExpect(status().isAccepted());
    }

    @Test
    void controlCharactersAreStrippedAndTheBodyIsServedAsPlainText() throws Exception {
        String email = newEmail();
        String body = "{\"authorName\":\"Bell\\u0007 Ringer\",\"authorEmail\":\"" + email + "\",\"body\":"
                + "\"<b>bold</b>\\u0000 and\\u202e reversed\\r\\nline two\"}";
        MvcResult result = mvc.perform(postComment(article.slug(), body).with(from(randomAddress()))).andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        client.decide(id, "APPROVE", null, moderator.login());

        mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()))
                .andExpect(jsonPath("$.items[0].authorName").value("Bell Ringer"))
                .andExpect(jsonPath("$.items[0].body").value("<b>bold</b> and reversed\nline two"));
    }

    @Test
    void invisibleAndBidiCharactersLeaveNamesAndBodiesButEmojiSequencesStay() throws Exception {
        String body = "{\"authorName\":\"\\u202eEdith\\u2060 Editor\\u200b\\u200d\",\"authorEmail\":\"" + newEmail()
                + "\",\"body\":\"\\ud83d\\udc69\\u200d\\ud83d\\udcbb at work\\u200b\\ufeff\\u2066 today\"}";
        MvcResult result = mvc.perform(postComment(article.slug(), body).with(from(randomAddress())))
                .andExpect(status().isAccepted()).andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        client.decide(id, "APPROVE", null, moderator.login());

        mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()))
                .andExpect(jsonPath("$.items[0].authorName").value("Edith Editor"))
                .andExpect(jsonPath("$.items[0].body").value("\ud83d\udc69\u200d\ud83d\udcbb at work today"));
    }

    @Test
    void authorNameOfOnlyInvisibleCharactersOrAnUnpairedSurrogateThenBadRequestNamingTheField() throws Exception {
        String email = newEmail();
        mvc.perform(postComment(article.slug(), "{\"authorName\":\"\\u200b\\u200d\\u202e\",\"authorEmail\":\""
                        + email + "\",\"body\":\"Hello\"}").with(from(randomAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("authorName"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        mvc.perform(postComment(article.slug(), "{\"authorName\":\"Ann\",\"authorEmail\":\"" + email
                        + "\",\"body\":\"broken \\ud800 text\"}").with(from(randomAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("must not contain unpaired surrogate characters"));
        mvc.perform(postComment(article.slug(), "{\"authorName\":\"Ann\",\"authorName\":\"Edith Editor\","
                        + "\"authorEmail\":\"" + email + "\",\"body\":\"Hello\"}").with(from(randomAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("authorName"))
                .andExpect(jsonPath("$.errors[0].message").value("appears more than once"));
        mvc.perform(postComment(article.slug(), "{\"authorName\":\"Ann\",\"authorEmail\":\"" + email
                        + "\",\"body\":\"paired \\ud83d\\ude00 is fine\"}").with(from(randomAddress())))
                .andExpect(status().isAccepted());
    }

    @Test
    void sameIdempotencyKeyAnswersTheFirstAnswerAndStoresOneComment() throws Exception {
        String email = newEmail();
        String json = json("Ann", email, "Retry me", null);
        String key = UUID.randomUUID().toString();

        String first = mvc.perform(postComment(article.slug(), json).header("Idempotency-Key", key)
                .with(from(randomAddress()))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(postComment(article.slug(), json).header("Idempotency-Key", key)
                .with(from(randomAddress()))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();

        assertThat(second).isEqualTo(first);
        assertThat(comments.authorRecords(List.of(CommentAuthors.keyOf(email))).get(CommentAuthors.keyOf(email)).pending())
                .isEqualTo(1);
        mvc.perform(postComment(article.slug(), json("Ann", email, "Something else", null)).header("Idempotency-Key", key)
                .with(from(randomAddress()))).andExpect(status().isConflict());
    }

    @Test
    void idempotencyKeysExpireAfterADay() throws Exception {
        String json = json("Ann", newEmail(), "Retry me tomorrow", null);
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(postComment(article.slug(), json).header("Idempotency-Key", key)
                .with(from(randomAddress()))).andReturn().getResponse().getContentAsString();

        engineClock.stopAt(java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
        try {
            String later = mvc.perform(postComment(article.slug(), json).header("Idempotency-Key", key)
                    .with(from(randomAddress()))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<String>read(later, "$.id")).isNotEqualTo(JsonPath.<String>read(first, "$.id"));
        } finally {
            engineClock.resume();
        }
    }

    @Test
    void floodFromOneAddressIs429WithRetryAfterAndNothingIsStored() throws Exception {
        String address = randomAddress();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = newEmail();
            emails.add(email);
            mvc.perform(postComment(article.slug(), json("Ann", email, "Comment " + i, null)).with(from(address)))
                    .andExpect(status().isAccepted());
        }
        String sixth = newEmail();
        mvc.perform(postComment(article.slug(), json("Ann", sixth, "Comment 6", null)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        String key = CommentAuthors.keyOf(sixth);
        CommentDesk.AuthorRecord record = comments.authorRecords(List.of(key)).get(key);
        assertThat(record.approved() + record.pending() + record.rejected()).isZero();
        mvc.perform(postComment(article.slug(), json("Ann", sixth, "From elsewhere", null)).with(from(randomAddress())))
                .andExpect(status().isAccepted());
    }

    @Test
    void floodFromOneAuthorAcrossAddressesIs429() throws Exception {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            mvc.perform(postComment(article.slug(), json("Ann", email, "Comment number " + i, null))
                    .with(from(randomAddress()))).andExpect(status().isAccepted());
        }
        mvc.perform(postComment(article.slug(), json("Ann", email, "Comment number 6", null)).with(from(randomAddress())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-6]?[0-9]")));
    }

    @Test
    void threadServesVisibleCommentsOldestFirstWithACursor() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.approvedComment(article.slug(), newEmail(), "Comment " + i, null, moderator.login()));
        }
        client.comment(article.slug(), newEmail(), "Still held");
        String reply = client.approvedComment(article.slug(), newEmail(), "A reply", ids.get(0), moderator.login());
        ids.add(reply);

        MvcResult page1 = mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()).param("limit", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(4)))
                .andExpect(jsonPath("$.items[0].id").value(ids.get(0)))
                .andExpect(jsonPath("$.items[0].parentId").doesNotExist())
                .andReturn();
        String cursor = JsonPath.read(page1.getResponse().getContentAsString(), "$.nextCursor");
        mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()).param("limit", "4").param("cursor", cursor))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].id").value(ids.get(4)))
                .andExpect(jsonPath("$.items[1].parentId").value(ids.get(0)))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        assertThat(counts.countVisible(List.of(article.id()))).isEqualTo(Map.of(article.id(), 6L));
        mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()).param("cursor", "garbage!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/public/articles/{slug}", article.slug()))
                .andExpect(jsonPath("$.commentCount").value(6));
    }

    @Test
    void notifyIsStoredForTheNotificationsModuleOnly() throws Exception {
        String email = newEmail();
        MvcResult result = mvc.perform(postComment(article.slug(),
                "{\"authorName\":\"Ann\",\"authorEmail\":\"" + email + "\",\"body\":\"Tell me\",\"notify\":true}")
                .with(from(randomAddress()))).andExpect(status().isAccepted()).andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
        String silent = client.comment(article.slug(), newEmail(), "Do not tell me");

        assertThat(comments.notificationAddress(id)).contains(email);
        assertThat(comments.notificationAddress(silent)).isEmpty();
    }

    @Test
    void noPublicResponseEverContainsAnEmailAddress() throws Exception {
        String email = newEmail();
        List<String> bodies = new ArrayList<>();
        String id = client.approvedComment(article.slug(), email, "Visible comment", null, moderator.login());
        bodies.add(mvc.perform(postComment(article.slug(), json("Ann", email, "Another one", id)).with(from(randomAddress())))
                .andReturn().getResponse().getContentAsString());
        bodies.add(mvc.perform(postComment(article.slug(), json("Ann", email, "fuck", null)).with(from(randomAddress())))
                .andReturn().getResponse().getContentAsString());
        bodies.add(mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()))
                .andReturn().getResponse().getContentAsString());
        bodies.add(mvc.perform(get("/api/public/articles/{slug}", article.slug()))
                .andReturn().getResponse().getContentAsString());
        bodies.add(mvc.perform(get("/api/public/articles"))
                .andReturn().getResponse().getContentAsString());
        bodies.add(client.flag(id, "SPAM", randomAddress()).getResponse().getContentAsString());
        bodies.add(mvc.perform(postComment(article.slug(), json("Ann", "bad", "x", null)).with(from(randomAddress())))
                .andReturn().getResponse().getContentAsString());

        assertThat(bodies).allSatisfy(body -> {
            assertThat(body).doesNotContain(email);
            assertThat(EMAIL.matcher(body).find()).as("an email address in %s", body).isFalse();
        });
    }

    @Test
    void flagsAreCountedOncePerAddressAndHideTheCommentAtTheThreshold() throws Exception {
        String id = client.approvedComment(article.slug(), newEmail(), "Flag me", null, moderator.login());
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(client.flag(id, "SPAM", address).getResponse().getStatus()).isEqualTo(202);
        }
        assertThat(comments.find(id).orElseThrow().visible()).isTrue();
        client.flag(id, "ABUSE", randomAddress());
        client.flag(id, "OFF_TOPIC", randomAddress());

        assertThat(comments.find(id).orElseThrow().queue()).isEqualTo(CommentQueue.REPORTED);
        mvc.perform(get("/api/public/articles/{slug}/comments", article.slug()))
                .andExpect(jsonPath("$.items", hasSize(0)));
        assertThat(client.flag(id, "SPAM", randomAddress()).getResponse().getStatus()).as("hidden now").isEqualTo(404);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/public/comments/{id}/flags", id)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"BORING\"}"))
                .andExpect(status().isBadRequest());
    }
}
