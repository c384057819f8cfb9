package dev.copydesk.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.copydesk.support.CopydeskIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document as a contract: names a client generator turns into method names, a tag, a
 * summary and a description on every operation, nullable fields, typed streams, and the committed
 * copy ({@value #COMMITTED}) the test client is generated from. After changing the API, refresh the
 * copy with {@code mvn -B test -Popenapi-refresh -Dtest=ApiContractIntegrationTests} (the profile sets
 * {@code copydesk.openapi.refresh} and leaves out the client generated from the old copy).
 */
@CopydeskIntegrationTest
class ApiContractIntegrationTests {

    static final String COMMITTED = "src/test/resources/openapi/copydesk.json";

    /** The first word of every operationId: what the operation does. */
    private static final Set<String> VERBS = Set.of("get", "list", "create", "change", "replace", "run", "ban", "lift",
            "decide", "preview", "register", "remove", "proof", "edit", "submit", "withdraw", "unpublish", "stream",
            "unsubscribe", "read", "post", "flag", "retry", "search", "move");

    private static final Pattern LOWER_CAMEL = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]+)*");
    private static final Set<String> TAGS = Set.of("accounts", "articles", "public", "comments", "moderation",
            "notifications", "operations", "sections");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    JsonNode document;

    @BeforeEach
    void readTheServedDocument() throws Exception {
        document = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
    }

    @Test
    void everyOperationIdIsAUniqueLowerCamelVerbPhraseWithoutANumberSuffix() {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        operations().forEach(op -> {
            String id = op.node().path("operationId").asText("");
            String verb = id.split("(?=[A-Z])")[0];
            if (!LOWER_CAMEL.matcher(id).matches() || id.matches(".*_\\d+$") || !VERBS.contains(verb)
                    || !seen.add(id)) {
                wrong.add(op.name() + " -> '" + id + "'");
            }
        });
        assertThat(wrong).as("operationIds that are not unique lowerCamel verb phrases").isEmpty();
        assertThat(seen).hasSizeGreaterThan(40).contains("createArticle", "decideArticle", "listModerationQueue",
                "postComment", "registerWebhook", "createAccount");
    }

    @Test
    void everyOperationHasOneModuleTagASuccessResponseASummaryAndADescription() {
        List<String> wrong = new ArrayList<>();
        operations().forEach(op -> {
            JsonNode tags = op.node().path("tags");
            if (tags.size() != 1 || !TAGS.contains(tags.get(0).asText())) {
                wrong.add(op.name() + " tags " + tags);
            }
            boolean success = false;
            for (var codes = op.node().path("responses").fieldNames(); codes.hasNext(); ) {
                success |= codes.next().startsWith("2");
            }
            if (!success) {
                wrong.add(op.name() + " declares no success response");
            }
            if (op.node().path("summary").asText("").isBlank() || op.node().path("description").asText("").isBlank()) {
                wrong.add(op.name() + " has no summary or description");
            }
        });
        assertThat(wrong).isEmpty();
        List<String> declared = new ArrayList<>();
        document.path("tags").forEach(t -> declared.add(t.path("name").asText()));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(TAGS);
    }

    @Test
    void fieldsThatCanBeNullSaySo() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(types(schemas.at("/ArticleDetails/properties/publishedAt"))).contains("string", "null");
        assertThat(types(schemas.at("/ArticleDetails/properties/title"))).containsExactly("string");
        assertThat(schemas.at("/ArticleDetails/properties/pendingReview/oneOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/PendingReview");
        assertThat(types(schemas.at("/ArticleDetails/properties/pendingReview/oneOf/1"))).containsExactly("null");
        assertThat(types(schemas.at("/ThreadComment/properties/parentId"))).contains("null");
        assertThat(types(schemas.at("/PublicArticlePage/properties/nextCursor"))).contains("null");
        assertThat(types(schemas.at("/QueuePage/properties/nextCursor"))).contains("null");
        assertThat(types(schemas.at("/QueuePage/properties/total"))).containsExactly("integer");
    }

    @Test
    void theStreamsAreEventStreamsWithTheirEventTypesAndConflictsAndLimitsAreDeclared() {
        JsonNode paths = document.path("paths");
        JsonNode staff = paths.at("/~1api~1events/get/responses/200/content/text~1event-stream/schema");
        assertThat(staff.path("type").asText()).isEqualTo("string");
        assertThat(staff.path("description").asText()).contains("comment.held", "article.submitted", "Last-Event-ID");
        assertThat(document.path("components").path("schemas").has("SseEmitter")).isFalse();
        assertThat(paths.at("/~1api~1public~1events/get/responses").has("429")).isTrue();
        assertThat(paths.at("/~1api~1public~1unsubscribe/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Unsubscribed");
        assertThat(paths.at("/~1api~1articles~1{id}~1decision/post/responses/409/content/application~1problem+json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(paths.at("/~1api~1public~1articles~1{slug}~1comments/post/responses").has("429")).isTrue();
        assertThat(paths.at("/~1api~1public~1articles~1{slug}~1comments/post/responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1admin~1accounts/post/responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1me/get/responses/429/description").asText()).contains("login");
        assertThat(paths.at("/~1api~1public~1articles~1{slug}/get/responses").has("429")).isFalse();
        assertThat(document.path("components").at("/schemas/CreateArticleRequest/properties/title/example").asText())
                .isEqualTo("Spoilers: more romance ahead for two detectives");
    }

    /** The test client is generated from the committed copy, so it must be what the service serves. */
    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        Path committed = Path.of(COMMITTED);
        String served = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("copydesk.openapi.refresh")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        assertThat(committed).exists();
        assertThat(json.readTree(Files.readString(committed, StandardCharsets.UTF_8)))
                .as("%s is out of date: refresh it with mvn -B test -Popenapi-refresh "
                        + "-Dtest=ApiContractIntegrationTests (and commit it)", COMMITTED)
                .isEqualTo(document);
    }

    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else if (schema.path("type").isTextual()) {
            types.add(schema.path("type").asText());
        }
        return types;
    }

    private record Op(String name, JsonNode node) {
    }

    private List<Op> operations() {
        List<Op> all = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method.getKey())) {
                all.add(new Op(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()));
            }
        }));
        return all;
    }
}
