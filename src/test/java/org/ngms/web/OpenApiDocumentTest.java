package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi.json is the generated OpenAPI document of the running service, committed so that readers of the
 * repository see the API. This test fails when the two drift; regenerate with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dngms.write-openapi=true}.
 */
class OpenApiDocumentTest extends IntegrationTestBase {

    private static final Path DOCUMENT = Path.of("docs", "openapi.json");

    @Test
    void theCommittedOpenApiDocumentIsTheGeneratedOne() throws IOException {
        byte[] served = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonMapper mapper = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .build();
        JsonNode tree = mapper.readTree(served);
        String generated = mapper.writeValueAsString(mapper.treeToValue(tree, Object.class)) + "\n";

        if (Boolean.getBoolean("ngms.write-openapi")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists").isTrue();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/openapi.json is stale; regenerate with -Dngms.write-openapi=true")
                .isEqualTo(generated);
        assertThat(tree.get("paths").propertyNames()).contains("/api/v1/directives", "/api/v1/auctions/{id}");
    }

}
