package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.StageService;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cross-band condition a sealed stage leaves pending (the 2014 kind: a category only for winners of enough
 * spectrum elsewhere) is settled when the escalated clock stage ends: the bidder that lost the clock loses its
 * conditional award, which goes unsold; the winner keeps it.
 */
class CrossBandConditionTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds clocks;

    /** AJK &amp; GB 2021 with one condition: product 2 only for bidders that win at least 10 MHz of product 1's band. */
    private static String conditionalDirective(String id) {
        String yaml = Scenarios.directiveYaml("ajkgb-ngms-2021", id);
        return yaml.replaceFirst("(?m)^deposit:", """
                eligibilityConditions:
                  - id: p2-for-1800-winners
                    type: REQUIRES_WIN_IN_BANDS
                    categories: [P2]
                    requiredBands: ["1800"]
                    minMhz: "10"
                deposit:""");
    }

    @Test
    void theLoserOfTheRequiredSpectrumLosesItsConditionalAward() {
        String directive = Scenarios.uniqueId("AJKGB-COND");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(conditionalDirective(directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("sealed", now.plusSeconds(1).toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(600).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 1_000_000, "requestedDemand", Map.of("P1", 2, "P2", 1)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        UUID id = UUID.fromString(auction);
        stages.openWindow(AuctionId.of(id), StageId.of("sealed"), Instant.now()).block();
        Map<String, WebTestClient> operators = Map.of("jazz", as(accountWithToken("OPERATOR", "jazz")),
                "zong", as(accountWithToken("OPERATOR", "zong")));
        operators.values().forEach(op -> postJson(op, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("P1", 2, "P2", 1)), 201));
        stages.close(AuctionId.of(id), StageId.of("sealed"), Instant.now()).block();
        JsonNode sealed = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/sealed")
                .exchange().expectBody(String.class).returnResult().getResponseBody()).get("result");
        assertThat(sealed.get("pendingConditions")).hasSize(2);

        stages.openWindow(AuctionId.of(id), StageId.of("clock"), Instant.now()).block();
        operators.values().forEach(op -> postJson(op, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))), 201));
        clocks.close(AuctionId.of(id), StageId.of("clock"), 1, Instant.now()).block();
        postJson(operators.get("jazz"), "/api/v1/auctions/" + auction + "/stages/clock/rounds/2/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 0))), 201);
        clocks.close(AuctionId.of(id), StageId.of("clock"), 2, Instant.now()).block();

        JsonNode outcome = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("outcome");
        assertThat(outcome.get("winners")).hasSize(1);
        assertThat(outcome.get("winners").get(0).get("bidder").asString()).isEqualTo("zong");
        assertThat(outcome.get("winners").get(0).get("lots").get("P2").intValue()).isEqualTo(1);
        assertThat(outcome.get("unsold").get("P2").intValue()).isEqualTo(4);
        assertThat(outcome.get("conditionsFailed").get(0).get("bidder").asString()).isEqualTo("jazz");

        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var keys = org.ngms.audit.PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        var verification = org.ngms.verifier.BundleVerifier.verify(java.util.Arrays.asList(bundle.split("\n")),
                java.util.Optional.of(keys), List.of());
        assertThat(verification.failures()).as("the verifier settles the condition the same way").isEmpty();
    }
}
