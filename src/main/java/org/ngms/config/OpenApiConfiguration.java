package org.ngms.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document's header. A relative server keeps the generated document the same on every host and port; the
 * bearer scheme documents how callers authenticate (which role each route needs is in docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI ngmsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("NGMS spectrum auction engine")
                        .version("v1")
                        .description("Runs NGMS spectrum auctions for Pakistan, AJK and GB under a government policy "
                                + "directive. Errors are RFC 9457 problem documents (application/problem+json).")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token issued by a regulator: Authorization: Bearer ngms_...")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
