package fr.saisine.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

import fr.saisine.platform.security.StaffMember;

/**
 * The API description every service serves on {@code /v3/api-docs} (and Swagger UI on
 * {@code /swagger-ui.html}): its info, the staff bearer scheme, and the problem answers, alike in
 * each; each service describes its own operations on its controllers.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiConfiguration {

    static {
        // filled in from the bearer token (CurrentStaffResolver), never sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffMember.class);
    }

    @Bean
    OpenAPI saisineOpenApi(OpenApiProperties properties, ObjectProvider<BuildProperties> build,
            @Value("${spring.application.name}") String service) {
        BuildProperties built = build.getIfAvailable();
        var contact = properties.contact();
        return new OpenAPI()
                .info(new Info()
                        .title(properties.title() != null ? properties.title() : service)
                        .description(properties.description())
                        .version(ApiVersion.of(built != null ? built.getVersion() : null))
                        .contact(new Contact().name(contact.name()).email(contact.email()).url(contact.url())))
                .components(new Components().addSecuritySchemes(StaffApi.SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the authority's OpenID Connect provider (its Keycloak "
                                + "realm, which brokers ProConnect) whose audience is saisine-api, carrying the "
                                + "staff member's roles and sectors (docs/auth.md). In the dev stack: "
                                + "./saisine token agent-apsf")));
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }
}
