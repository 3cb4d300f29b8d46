package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.StageService;
import org.ngms.shared.AuctionId;
import org.ngms.shared.StageId;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2026 format through the API: when the allocation clock ends the assignment stage takes over (no outcome yet),
 * its markets are public, winners bid on positions with signed receipts, a bid set for two positions of a market is
 * refused naming the rule, a switch settles the contested position, and the outcome carries exact frequencies and
 * both prices.
 */
class AssignmentStageApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds clocks;

    @Test
    void afterTheAllocationClockWinnersBidOnPositionsAndTheOutcomeCarriesTheirFrequencies() {
        String directive = Scenarios.uniqueId("PK-5G");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-5g-2026", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("allocation", now.plusSeconds(1).toString()))), 201).get("id").asString();
        for (String b : List.of("zong", "ufone")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 15_000_000), 201);
        }
        qualifyAndOpenBidding(auction, List.of("zong", "ufone"));
        UUID id = UUID.fromString(auction);
        String base = "/api/v1/auctions/" + auction + "/stages/";
        stages.openWindow(AuctionId.of(id), StageId.of("allocation"), Instant.now()).block();
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));
        // 10 + 9 = 19 lots of 2600 and 5 + 5 of 3500: no excess demand, allocation ends after round 1 at reserve
        postJson(zong, base + "allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 10), Map.of("product", "3500", "quantity", 5))), 201);
        postJson(ufone, base + "allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 9), Map.of("product", "3500", "quantity", 5))), 201);
        clocks.close(AuctionId.of(id), StageId.of("allocation"), 1, Instant.now()).block();

        anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange().expectStatus().is4xxClientError();
        JsonNode markets = getJson(base + "assignment/markets");
        assertThat(markets.get("method").asString()).isEqualTo("POSITION_CLOCK");
        assertThat(markets.get("markets")).extracting(m -> m.get("market").asString()).containsExactly("2600", "3500");
        JsonNode m2600 = markets.get("markets").get(0);
        assertThat(m2600.get("winners").get("zong").intValue()).isEqualTo(10);
        assertThat(m2600.get("positions")).extracting(p -> p.get("product").asString())
                .containsExactly("2600.position-1", "2600.position-2");
        assertThat(m2600.get("blocks").get(0).asString()).isEqualTo("2500-2510");
        assertThat(m2600.get("bandPlan").get(0).get("use").asString()).isEqualTo("GUARD");

        stages.openWindow(AuctionId.of(id), StageId.of("assignment"), Instant.now()).block();
        JsonNode receipt = postJson(zong, base + "assignment/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600.position-1", "quantity", 1),
                Map.of("product", "3500.position-1", "quantity", 1))), 201);
        assertThat(receipt.toString()).contains("signature");
        JsonNode two = postJson(ufone, base + "assignment/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600.position-1", "quantity", 1),
                Map.of("product", "3500.position-1", "quantity", 1),
                Map.of("product", "3500.position-2", "quantity", 1))), 422);
        assertThat(two.get("errors")).extracting(e -> e.get("rule").asString())
                .containsOnly("ONE_POSITION_PER_MARKET");
        postJson(ufone, base + "assignment/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600.position-1", "quantity", 1),
                Map.of("product", "3500.position-2", "quantity", 1))), 201);
        clocks.close(AuctionId.of(id), StageId.of("assignment"), 1, Instant.now()).block();
        // round 2: 2600.position-1 is contested at a clock of 625,000; ufone switches with a decrease at 300,000
        postJson(ufone, base + "assignment/rounds/2/bids", Map.of("bids", List.of(
                Map.of("product", "2600.position-1", "quantity", 0, "price", 300_000),
                Map.of("product", "2600.position-2", "quantity", 1))), 201);
        clocks.close(AuctionId.of(id), StageId.of("assignment"), 2, Instant.now()).block();

        JsonNode outcome = JSON.readTree(getJson("/api/v1/auctions/" + auction + "/outcome").get("outcome")
                .toString());
        assertThat(outcome.get("assignmentRevenue").longValue()).isEqualTo(300_000L);
        JsonNode zongWins = java.util.stream.StreamSupport.stream(outcome.get("winners").spliterator(), false)
                .filter(w -> w.get("bidder").asString().equals("zong")).findFirst().orElseThrow();
        assertThat(zongWins.get("allocationPrice").longValue()).isEqualTo(10 * 12_500_000L + 5 * 6_500_000L);
        assertThat(zongWins.get("assignmentPrice").longValue()).isEqualTo(300_000L);
        assertThat(zongWins.get("price").longValue()).isEqualTo(157_500_000L + 300_000L);
        assertThat(zongWins.get("frequencies")).extracting(f -> f.get("category").asString() + " "
                + f.get("range").asString()).containsExactly("2600 2500-2600", "3500 3400-3450");
        assertThat(zongWins.get("payments").get(0).get("price").longValue()).isEqualTo(157_800_000L);
        JsonNode rounds = getJson(base + "assignment/rounds");
        assertThat(rounds).hasSize(2);
    }

    private JsonNode getJson(String uri) {
        return JSON.readTree(anonymous.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }
}
