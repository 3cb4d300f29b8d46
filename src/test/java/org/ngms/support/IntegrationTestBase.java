package org.ngms.support;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of integration tests: chooses the test database before Spring starts. {@link #web} calls as the bootstrap
 * regulator; {@link #anonymous} without credentials; {@link #as(String)} with any token.
 */
@IntegrationTest
public abstract class IntegrationTestBase {

    static {
        TestDatabase.configure();
    }

    @Autowired
    private WebTestClient client;

    /** A client authenticated as the bootstrap regulator. */
    protected WebTestClient web;

    /** A client without credentials. */
    protected WebTestClient anonymous;

    @BeforeEach
    void clients() {
        anonymous = client;
        web = as(TestDatabase.REGULATOR_TOKEN);
    }

    protected WebTestClient as(String token) {
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    /** POSTs {@code body} as JSON, expects {@code status}, and returns the response body as a tree. */
    protected tools.jackson.databind.JsonNode postJson(WebTestClient client, String uri, Object body, int status) {
        return JSON.readTree(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    /**
     * Moves a draft auction to BIDDING: QUALIFICATION, every given bidder qualified, then BIDDING (as the regulator).
     */
    protected void qualifyAndOpenBidding(String auction, java.util.List<String> bidders) {
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "QUALIFICATION"), 200);
        bidders.forEach(b -> postJson(web, "/api/v1/auctions/" + auction + "/bidders/" + b + "/qualification",
                Map.of(), 200));
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "BIDDING"), 200);
    }

    /**
     * As the regulator: registers {@code directiveYaml} (a scenario directive under a fresh id), creates an auction of
     * it whose stage {@code firstStage} opens a second from now, registers every bidder as an incumbent with a
     * deposit of {@code deposit}, qualifies them and opens bidding. Returns the auction's id.
     */
    protected String biddingAuction(String directiveId, String directiveYaml, String firstStage,
                                    java.util.List<String> incumbents, long deposit) {
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(directiveYaml).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directiveId, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of(firstStage, now.plusSeconds(1).toString()))), 201).get("id").asString();
        for (String b : incumbents) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", deposit), 201);
        }
        qualifyAndOpenBidding(auction, incumbents);
        return auction;
    }

    /** Creates an account as the regulator and returns a fresh token for it. */
    protected String accountWithToken(String role, String organisation) {
        String id = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = organisation == null
                ? Map.of("id", id, "role", role, "displayName", id)
                : Map.of("id", id, "role", role, "organisation", organisation, "displayName", id);
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated();
        Map<?, ?> issued = web.post().uri("/api/v1/accounts/" + id + "/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "test", "expiresAt", Instant.now().plusSeconds(86_400).toString()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) issued.get("token");
    }
}
