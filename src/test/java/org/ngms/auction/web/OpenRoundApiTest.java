package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.StageService;
import org.ngms.shared.AuctionId;
import org.ngms.shared.StageId;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a bidder needs while a clock round is open, from the API alone: the round's prices and supply (public), its
 * own standing (eligibility and processed demand), and a preview of a bid set that names the refusals and the
 * directive's penalties without storing anything (2026: an incumbent below the round-1 minimum forfeits its deposit).
 */
class OpenRoundApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds rounds;

    private String auction;
    private WebTestClient jazz;

    @BeforeEach
    void round1OfThe2026AuctionIsOpen() throws InterruptedException {
        String directive = Scenarios.uniqueId("OPENROUND");
        auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation",
                List.of("jazz", "zong", "ufone"), 15_000_000);
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), Instant.now()).block();
        jazz = as(accountWithToken("OPERATOR", "jazz"));
    }

    private JsonNode get(WebTestClient client, String path) {
        return JSON.readTree(client.get().uri("/api/v1/auctions/" + auction + path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode preview(Map<String, Integer> demand) {
        List<Map<String, Object>> bids = demand.entrySet().stream()
                .map(e -> Map.<String, Object>of("product", e.getKey(), "quantity", e.getValue())).toList();
        return postJson(jazz, "/api/v1/auctions/" + auction + "/stages/allocation/rounds/1/bids/preview",
                Map.of("bids", bids), 200);
    }

    @Test
    void theOpenRoundListsEachProductsSupplyAndPricesToAnyone() {
        JsonNode open = get(anonymous, "/stages/allocation/rounds").get(0);
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
        assertThat(open.get("bidMultiple").longValue()).isEqualTo(1000);
        assertThat(open.get("intraRoundBids").booleanValue()).isTrue();
        JsonNode p2600 = null;
        for (JsonNode p : open.get("prices")) {
            if (p.get("product").asString().equals("2600")) {
                p2600 = p;
            }
        }
        assertThat(p2600).isNotNull();
        assertThat(p2600.get("supply").intValue()).isEqualTo(19);
        assertThat(p2600.get("startOfRound").longValue()).isEqualTo(12_500_000);
        assertThat(p2600.get("clockPrice").longValue()).isEqualTo(12_500_000);
    }

    @Test
    void anIncumbentBelowTheRoundOneMinimumIsWarnedItWouldForfeitItsDepositAndNothingIsStored() {
        JsonNode below = preview(Map.of("2600", 2, "3500", 5));
        assertThat(below.get("accepted").booleanValue()).isTrue();
        assertThat(below.get("warnings").findValuesAsString("consequence")).contains("EXCLUDE_AND_FORFEIT_DEPOSIT");
        assertThat(below.get("warnings").findValuesAsString("rule")).contains("incumbent-minimum-2600");
        assertThat(below.get("eligibility").intValue()).isEqualTo(923);
        assertThat(below.get("nextEligibility").intValue()).isLessThan(923);
        assertThat(get(jazz, "/stages/allocation/rounds/1/mine").get("submissions").size()).isZero();

        JsonNode published = preview(Map.of("700", 2, "2300", 5, "2600", 12, "3500", 5));
        assertThat(published.get("warnings").findValuesAsString("consequence"))
                .doesNotContain("EXCLUDE_AND_FORFEIT_DEPOSIT");
    }

    @Test
    void aBidSetTheRoundWouldRefuseIsNamedBidByBidWithItsRule() {
        JsonNode refused = preview(Map.of("2600", 20));
        assertThat(refused.get("accepted").booleanValue()).isFalse();
        assertThat(refused.get("errors").get(0).get("path").asString()).isEqualTo("bids[0]");
        assertThat(refused.get("errors").get(0).get("rule").asString()).isNotBlank();
    }

    @Test
    void theStandingOfAnOpenRoundIsTheBiddersOwnEligibilityAndProcessedDemand() {
        JsonNode round1 = get(jazz, "/stages/allocation/rounds/1/mine");
        assertThat(round1.get("standing").get("eligibility").intValue()).isEqualTo(923);
        assertThat(round1.get("standing").get("processedDemand").size()).isZero();

        postJson(jazz, "/api/v1/auctions/" + auction + "/stages/allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 12), Map.of("product", "3500", "quantity", 5))), 201);
        postJson(as(accountWithToken("OPERATOR", "zong")), "/api/v1/auctions/" + auction
                + "/stages/allocation/rounds/1/bids", Map.of("bids", List.of(Map.of("product", "2600", "quantity", 9),
                Map.of("product", "3500", "quantity", 5))), 201);
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), 1, Instant.now()).block();
        JsonNode round2 = get(jazz, "/stages/allocation/rounds/2/mine");
        assertThat(round2.get("standing").get("processedDemand").get("2600").intValue()).isEqualTo(12);
        assertThat(round2.get("standing").get("excluded").booleanValue()).isFalse();
    }

    @Test
    void previewIsForOperatorsOnly() {
        anonymous.post().uri("/api/v1/auctions/" + auction + "/stages/allocation/rounds/1/bids/preview")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"bids\":[]}")
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/auctions/" + auction + "/stages/allocation/rounds/1/bids/preview")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"bids\":[]}")
                .exchange().expectStatus().isForbidden();
    }
}
