package dev.copydesk.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) is generated
 * from the controllers; this adds what the code cannot say: title, and that staff calls use HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI copydeskOpenApi(@Value("${spring.application.name:copydesk}") String name) {
        return new OpenAPI()
                .info(new Info().title("Copydesk API")
                        .description("Editorial workflow and comment moderation. Errors are application/problem+json "
                                + "(RFC 9457). Staff endpoints use HTTP Basic; /api/public/** is open.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
