package dev.copydesk.operations;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) is generated
 * from the controllers; this adds what the code cannot say: title, that staff calls use HTTP Basic
 * and public ones nothing, the problem document every operation can answer with, and a summary for
 * operations that have none (from the handler's name, so it cannot drift from the code).
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

    /** "Decide all (moderation)": the handler method's words and its controller's. */
    @Bean
    OperationCustomizer summaryFromHandlerName() {
        return (operation, handler) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                String controller = handler.getBeanType().getSimpleName().replaceAll("Controller$", "");
                operation.setSummary(capitalised(words(handler.getMethod().getName())) + " (" + words(controller) + ")");
            }
            return operation;
        };
    }

    /** Public operations need no credentials; every operation lists the problems it can answer with. */
    @Bean
    OpenApiCustomizer problemsAndPublicOperations() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = path.startsWith("/api/public/");
                if (open) {
                    operation.setSecurity(List.of());
                }
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
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
                }
                if (path.contains("{")) {
                    problem(responses, "404", "No such object, or not visible to the caller");
                }
                problem(responses, "500", "Something went wrong on our side; `requestId` identifies it in the logs");
                operation.setResponses(responses);
            }));
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

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

    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
