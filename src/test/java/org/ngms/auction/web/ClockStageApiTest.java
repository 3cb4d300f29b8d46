package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
 * The AJK &amp; GB 2021 auction through the service: the sealed stage escalates product 1 to the clock, whose rounds
 * open and close in time; operators bid per round with receipts; the public sees prices and aggregate demand, each
 * operator its own processed demand; the regulator pauses, resumes and extends; two closers of the same round close it
 * once.
 */
class ClockStageApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds clocks;

    private String auction;
    private WebTestClient jazz;
    private WebTestClient zong;


    private JsonNode get(WebTestClient client, String uri) {
        return JSON.readTree(client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    @BeforeEach
    void theSealedStageHasEscalatedProductOneToTheClock() throws InterruptedException {
        String directive = Scenarios.uniqueId("AJKGB");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("ajkgb-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        Instant opens = now.plusSeconds(1);
        auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", opens.toString(),
                "stageOpenings", Map.of("sealed", opens.toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(600).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 870_000, "requestedDemand", Map.of("P1", 2)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        jazz = as(accountWithToken("OPERATOR", "jazz"));
        zong = as(accountWithToken("OPERATOR", "zong"));
        UUID id = UUID.fromString(auction);
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(id), StageId.of("sealed"), Instant.now()).block();
        postJson(jazz, "/api/v1/auctions/" + auction + "/stages/sealed/bids", Map.of("demand", Map.of("P1", 2)), 201);
        postJson(zong, "/api/v1/auctions/" + auction + "/stages/sealed/bids", Map.of("demand", Map.of("P1", 2)), 201);
        stages.close(AuctionId.of(id), StageId.of("sealed"), Instant.now()).block();
        // the clock window opens when due: now, since the schedule names no opening for it
        stages.openWindow(AuctionId.of(id), StageId.of("clock"), Instant.now()).block();
    }

    private void bid(WebTestClient client, int round, int quantity, Long price) {
        Map<String, Object> bid = price == null ? Map.of("product", "P1", "quantity", quantity)
                : Map.of("product", "P1", "quantity", quantity, "price", price);
        JsonNode submitted = postJson(client, "/api/v1/auctions/" + auction + "/stages/clock/rounds/" + round + "/bids",
                Map.of("bids", List.of(bid)), 201);
        assertThat(submitted.get("receipt").get("round").intValue()).isEqualTo(round);
    }

    private void closeRound(int round) {
        clocks.close(AuctionId.of(UUID.fromString(auction)), StageId.of("clock"), round, Instant.now()).block();
    }

    @Test
    void roundsRunUntilDemandFitsSupplyAndTheOutcomeIsPublished() {
        JsonNode escalated = get(anonymous, "/api/v1/auctions/" + auction + "/stages/sealed").get("result");
        assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");

        bid(jazz, 1, 2, null);
        bid(zong, 1, 2, null);
        closeRound(1);
        JsonNode round1 = get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds").get(0);
        assertThat(round1.get("products").get(0).get("aggregateDemand").intValue()).isEqualTo(4);
        assertThat(round1.get("products").get(0).get("postedPrice").longValue()).isEqualTo(4_350_000L);

        JsonNode round2 = get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds").get(1);
        assertThat(round2.get("state").asString()).isEqualTo("OPEN");
        bid(jazz, 2, 0, null);
        bid(zong, 2, 2, null);
        closeRound(2);

        JsonNode outcome = get(anonymous, "/api/v1/auctions/" + auction + "/outcome").get("outcome");
        // 3% of the posted price, rounded up to the USD 1,000 multiple: 4,481,000 a block
        assertThat(outcome.get("winners").toString()).contains("\"bidder\":\"zong\"").contains("8962000");
        String csv = anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/clock/rounds.csv").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("round,product,").contains("\n1,P1,2,4350000,4350000,4350000,4,2\n")
                .contains("\n2,P1,2,4350000,4481000,4481000,2,0\n");
    }

    @Test
    void eachOperatorSeesItsOwnProcessedDemandOnly() {
        bid(jazz, 1, 2, null);
        bid(zong, 1, 1, null);
        closeRound(1);

        JsonNode mine = get(jazz, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/mine");
        assertThat(mine.get("result").get("bidder").asString()).isEqualTo("jazz");
        assertThat(mine.toString()).doesNotContain("zong");
        JsonNode publicRound = get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds").get(0);
        assertThat(publicRound.toString()).doesNotContain("jazz").doesNotContain("zong");
    }

    @Test
    void aPausedRoundTakesNoBidsAndDoesNotCloseAndAnExtensionMovesItsDeadline() {
        postJson(web, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/pause", Map.of(), 200);
        JsonNode refused = postJson(jazz, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))), 409);
        assertThat(refused.get("code").asString()).isEqualTo("round-closed");
        closeRound(1);
        assertThat(get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds").get(0).get("state")
                .asString()).isEqualTo("OPEN");
        postJson(web, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/resume", Map.of(), 200);
        Instant later = Instant.now().plus(Duration.ofHours(3));
        JsonNode extended = postJson(web, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/deadline",
                Map.of("closesAt", later.toString()), 200);
        assertThat(Instant.parse(extended.get("closesAt").asString()))
                .isCloseTo(later, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        postJson(web, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/deadline",
                Map.of("closesAt", Instant.now().toString()), 422);
    }

    @Test
    void twoClosersOfOneRoundCloseItOnce() {
        bid(jazz, 1, 2, null);
        bid(zong, 1, 2, null);
        UUID id = UUID.fromString(auction);
        Instant now = Instant.now();
        reactor.core.publisher.Mono.when(clocks.close(AuctionId.of(id), StageId.of("clock"), 1, now), clocks.close(AuctionId.of(id), StageId.of("clock"), 1, now))
                .block();

        JsonNode rounds = get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds");
        assertThat(rounds).hasSize(2);
        String bundle = web.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(bundle.split("\"type\":\"ROUND_RESULT\"", -1)).hasSize(2);
    }

    @Test
    void aCancelledAuctionTakesNoBidsAndItsRoundsStandStill() {
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CANCELLED", "reason", "stay"), 200);

        JsonNode refused = postJson(jazz, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))), 409);
        assertThat(refused.get("code").asString()).isEqualTo("auction-not-bidding");
        clocks.closeDue(Instant.now().plus(Duration.ofDays(1))).blockLast();
        assertThat(get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds")).hasSize(1);
        assertThat(get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds").get(0).get("state")
                .asString()).isEqualTo("OPEN");
    }

    @Test
    void aBidOffTheRulesIsRefusedWithTheRule() {
        JsonNode refused = postJson(jazz, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 3))), 422);
        assertThat(refused.get("detail").asString()).isNotBlank();
        postJson(jazz, "/api/v1/auctions/" + auction + "/stages/clock/rounds/9/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 1))), 404);
    }
}
