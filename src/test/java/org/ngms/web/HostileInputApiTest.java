package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input that used to be answered 500: a blank or control character as a path id, a NUL character in a text
 * field, numbers too large to expand. Each is a 4xx problem naming what was wrong, for anonymous callers too.
 */
class HostileInputApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private int status(String uri) {
        return anonymous.get().uri(uri).exchange().returnResult(String.class).getStatus().value();
    }

    @Test
    void aBlankOrControlCharacterAsAnIdIsABadRequestNotAnInternalError() {
        for (String id : List.of("%20", "%09", "%00", "not-a-uuid")) {
            assertThat(status("/api/v1/auctions/" + id)).as(id).isBetween(400, 404);
            assertThat(status("/api/v1/auctions/" + id + "/stages")).as(id).isBetween(400, 404);
        }
    }

    @Test
    void aNulCharacterInATextFieldIsRefusedWithItsPath() {
        String directive = Scenarios.uniqueId("AJKGB");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("ajkgb-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        Map<String, Object> schedule = Map.of("applicationDeadline", now.toString(),
                "biddingOpens", now.plusSeconds(60).toString(),
                "stageOpenings", Map.of("sealed", now.plusSeconds(60).toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(600).toString()));
        JsonNode title = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "title", "mock\u0000",
                "schedule", schedule), 422);
        assertThat(title.toString()).contains("title");
        JsonNode id = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive + "\u0000",
                "schedule", schedule), 422);
        assertThat(id.toString()).contains("directiveId");
        JsonNode label = postJson(web, "/api/v1/accounts/regulator/tokens", Map.of("label", "a\u0000b"), 422);
        assertThat(label.toString()).contains("label");
    }

    @Test
    void aHugeNumberInHoldingsIsOutOfRange() {
        String directive = Scenarios.uniqueId("AJKGB");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("ajkgb-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.plusSeconds(600).toString(), "biddingOpens", now.plusSeconds(900).toString(),
                "stageOpenings", Map.of("sealed", now.plusSeconds(900).toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(1200).toString()))), 201).get("id").asString();
        String body = "{\"id\":\"jazz\",\"organisation\":\"JAZZ\",\"newEntrant\":false,\"deposit\":870000,"
                + "\"holdings\":{\"1800\":1e999999},\"requestedDemand\":{\"P1\":1}}";
        String problem = web.post().uri("/api/v1/auctions/" + auction + "/bidders")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().is4xxClientError().expectBody(String.class).returnResult().getResponseBody();
        assertThat(problem).contains("holdings");
        assertThat(JSON.readTree(problem).get("status").intValue()).isBetween(400, 422);
    }
}
