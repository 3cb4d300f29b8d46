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
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2026 rule: an incumbent must demand at least 5 lots of 2600 MHz and of 3500 MHz in round 1, else its whole bid
 * set is invalid, its USD 15 m deposit is forfeited and it is excluded — recorded in the signed transcript.
 */
class FirstRoundMinimumTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds clocks;


    @Test
    void anIncumbentBelowTheFirstRoundMinimumIsExcludedAndForfeitsItsDeposit() {
        String directive = Scenarios.uniqueId("PK-5G");
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation", List.of("jazz", "zong"), 15_000_000);
        UUID id = UUID.fromString(auction);
        stages.openWindow(AuctionId.of(id), StageId.of("allocation"), Instant.now()).block();

        org.springframework.test.web.reactive.server.WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        postJson(jazz, "/api/v1/auctions/" + auction
                + "/stages/allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 3), Map.of("product", "3500", "quantity", 5))), 201);
        postJson(as(accountWithToken("OPERATOR", "zong")), "/api/v1/auctions/" + auction
                + "/stages/allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 5), Map.of("product", "3500", "quantity", 5))), 201);
        clocks.close(AuctionId.of(id), StageId.of("allocation"), 1, Instant.now()).block();

        String bundle = web.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode excluded = java.util.Arrays.stream(bundle.split("\n"))
                .filter(line -> line.contains("\"type\":\"BIDDER_EXCLUDED\"")).map(JSON::readTree)
                .map(line -> line.get("record").get("payload")).findFirst().orElseThrow();
        assertThat(excluded.get("bidder").asString()).isEqualTo("jazz");
        assertThat(excluded.get("condition").asString()).isEqualTo("incumbent-minimum-2600");
        assertThat(excluded.get("depositForfeited").booleanValue()).isTrue();
        assertThat(excluded.get("deposit").longValue()).isEqualTo(15_000_000L);
        JsonNode round1 = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction
                + "/stages/allocation/rounds").exchange().expectBody(String.class).returnResult().getResponseBody())
                .get(0);
        JsonNode p2600 = java.util.stream.StreamSupport.stream(round1.get("products").spliterator(), false)
                .filter(p -> p.get("product").asString().equals("2600")).findFirst().orElseThrow();
        assertThat(p2600.get("aggregateDemand").intValue()).as("jazz's bids are void").isEqualTo(5);
    }

    @Test
    void anExcludedBiddersLaterBidsConflictWithItsStateInTheStage() {
        String directive = Scenarios.uniqueId("PK-5G");
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation", List.of("jazz", "zong", "ufone"), 15_000_000);
        UUID id = UUID.fromString(auction);
        stages.openWindow(AuctionId.of(id), StageId.of("allocation"), Instant.now()).block();
        String round1 = "/api/v1/auctions/" + auction + "/stages/allocation/rounds/1/bids";
        org.springframework.test.web.reactive.server.WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        postJson(jazz, round1, Map.of("bids", List.of(Map.of("product", "2600", "quantity", 3),
                Map.of("product", "3500", "quantity", 5))), 201);
        // 14 + 6 blocks of 2600 for 19: the stage goes on to round 2
        postJson(as(accountWithToken("OPERATOR", "zong")), round1, Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 14), Map.of("product", "3500", "quantity", 5))), 201);
        postJson(as(accountWithToken("OPERATOR", "ufone")), round1, Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 6), Map.of("product", "3500", "quantity", 5))), 201);
        clocks.close(AuctionId.of(id), StageId.of("allocation"), 1, Instant.now()).block();

        JsonNode refused = postJson(jazz, "/api/v1/auctions/" + auction + "/stages/allocation/rounds/2/bids",
                Map.of("bids", List.of(Map.of("product", "3500", "quantity", 5))), 409);
        assertThat(refused.get("code").asString()).isEqualTo("bidder-excluded");
        assertThat(refused.get("errors").get(0).get("rule").asString()).isEqualTo("BIDDER_EXCLUDED");
    }
}
