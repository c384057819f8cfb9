package dev.copydesk.operations;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) is generated
 * from the controllers; this adds what the code cannot say: title, that staff calls use HTTP Basic
 * and public ones nothing, the problem document every operation can answer with, the module tags and
 * which fields can be null. operationIds, summaries and descriptions are on the handlers
 * ({@code @Operation}); {@code ApiContractIntegrationTests} fails when one is missing.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI copydeskOpenApi(@Value("${spring.application.name:copydesk}") String name) {
        return new OpenAPI()
                .info(new Info().title("Copydesk API")
                        .description("Editorial workflow and comment moderation. Errors are application/problem+json "
                                + "(RFC 9457). Staff endpoints use HTTP Basic; /api/public/** is open.")
                        .version("v1"))
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Marks a field {@code null}-able (OpenAPI 3.1: {@code "null"} among its types, or {@code oneOf} a
     * reference and {@code null}) when its record component carries Spring's {@link Nullable}: the
     * annotation that tells Java readers a field can be null tells the document too.
     */
    @Bean
    PropertyCustomizer nullableFields() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            boolean nullable = annotations != null
                    && Arrays.stream(annotations).anyMatch(a -> a.annotationType() == Nullable.class);
            return nullable ? nullable(property) : property;
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new JsonSchema().oneOf(List.of(new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().types(new LinkedHashSet<>(List.of("null")))));
        }
        Set<String> types = new LinkedHashSet<>(property.getTypes() == null ? Set.of() : property.getTypes());
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    /** Public operations need no credentials; every operation lists the problems it can answer with. */
    @Bean
    OpenApiCustomizer problemsAndPublicOperations() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            // the streams' handlers return Spring's SseEmitter; their responses describe the wire format instead
            if (openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().remove("SseEmitter");
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.setTags(TAGS);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = path.startsWith("/api/public/");
                if (open) {
                    operation.setSecurity(List.of());
                }
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                // a 4xx/5xx declared on the handler (409, 429, 503) with its own words is a problem document,
                // whatever the handler's success type is
                responses.forEach((status, response) -> {
                    if (status.matches("[45]\\d\\d")
                            && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                        response.setContent(problemContent());
                    }
                });
                // every controller answers JSON (the event streams declare text/event-stream)
                responses.values().forEach(response -> {
                    Content content = response.getContent();
                    if (content != null && content.containsKey("*/*")) {
                        content.addMediaType("application/json", content.remove("*/*"));
                    }
                });
                boolean takesInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (takesInput) {
                    problem(responses, "400", "Invalid input: `errors` names every wrong field");
                }
                if (!open) {
                    problem(responses, "401", "No or wrong credentials");
                    problem(responses, "403", "The caller's role or ownership does not allow this");
                    problem(responses, "429", "Too many failed logins from this address (login throttle); "
                            + "`Retry-After` says when to try again");
                }
                if (path.contains("{")) {
                    problem(responses, "404", "No such object, or not visible to the caller");
                }
                problem(responses, "500", "Something went wrong on our side; `requestId` identifies it in the logs");
                problem(responses, "503",
                        "The database is unreachable for the moment; `Retry-After` says when to try again");
                operation.setResponses(responses);
            }));
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** One tag per module (the public reading API of articles has its own); every operation names one. */
    static final List<Tag> TAGS = List.of(
            new Tag().name("accounts").description("Staff accounts and roles; who am I"),
            new Tag().name("articles")
                    .description("Writing, submitting, reviewing, scheduling and unpublishing articles"),
            new Tag().name("public").description("Published articles as readers see them; no credentials"),
            new Tag().name("comments")
                    .description("Readers' comments: the public thread, posting, flagging; no credentials"),
            new Tag().name("moderation")
                    .description("The moderation queue, decisions, bans, screening and its settings"),
            new Tag().name("sections").description("The newsroom's sections (desks): listing, creating, renaming, archiving"),
            new Tag().name("notifications")
                    .description("Webhooks, the mail delivery log, live event streams, commenters' unsubscribe links"),
            new Tag().name("operations")
                    .description("Administration: the drift check between our tables and the engine"));

    /** RFC 9457 as shared.Problems and shared.web.ProblemAdvice write it. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("Field path: `roles[0]`, `author.name`, `body`"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("An RFC 9457 problem document")
                .properties(new java.util.LinkedHashMap<>(Map.of(
                        "type", new StringSchema().format("uri").example("https://copydesk.dev/problems/invalid-request"),
                        "title", new StringSchema().example("Bad Request"),
                        "status", new IntegerSchema().example(400),
                        "detail", new StringSchema().example("The request has invalid fields"),
                        "instance", new StringSchema().example("/api/admin/accounts"),
                        "requestId", new StringSchema().description("Also in the X-Request-Id response header"),
                        "errors", new ArraySchema().items(error)
                                .description("For invalid input: every wrong field, sorted by field path"),
                        "currentStatus", new StringSchema().description("On a 409 about a status transition"),
                        "currentVersion", new IntegerSchema().format("int64").description("On a 409 about a stale version"))))
                .required(List.of("type", "title", "status", "detail"));
    }

}
