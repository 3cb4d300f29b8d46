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
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation", List.of("zong", "ufone"), 15_000_000);
        UUID id = UUID.fromString(auction);
        String base = "/api/v1/auctions/" + auction + "/stages/";
        stages.openWindow(AuctionId.of(id), StageId.of("allocation"), Instant.now()).block();
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));
        // 10 + 9 = 19 lots of 2600 and 5 + 5 of 3500: no excess demand, allocation ends after round 1 at reserve
        zongTenAndUfoneNineOf2600(base, zong, ufone);
        clocks.close(AuctionId.of(id), StageId.of("allocation"), 1, Instant.now()).block();

        anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange().expectStatus().is4xxClientError();
        JsonNode early = postJson(web, "/api/v1/auctions/" + auction + "/rationalisations",
                Map.of("category", "2600"), 409);
        assertThat(early.get("code").asString()).isEqualTo("outcome-not-ready");
        JsonNode markets = getJson(base + "assignment/markets");
        assertThat(markets.get("method").asString()).isEqualTo("POSITION_CLOCK");
        assertThat(markets.get("markets")).extracting(m -> m.get("market").asString()).containsExactly("2600", "3500");
        JsonNode m2600 = markets.get("markets").get(0);
        assertThat(m2600.get("winners").get("zong").intValue()).isEqualTo(10);
        assertThat(m2600.get("positions")).extracting(p -> p.get("product").asString())
                .containsExactly("2600.position-1", "2600.position-2");
        assertThat(m2600.get("blocks").get(0).asString()).isEqualTo("2500-2510");
        assertThat(m2600.get("bandPlan").get(0).get("use").asString()).isEqualTo("GUARD");
        assertThat(m2600.has("options")).as("a position clock bids on positions").isFalse();

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
        // the open round lists each position's prices, as a bidder's screen shows them
        JsonNode open = getJson(base + "assignment/rounds").get(1);
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
        JsonNode contested = java.util.stream.StreamSupport.stream(open.get("prices").spliterator(), false)
                .filter(p -> p.get("product").asString().equals("2600.position-1")).findFirst().orElseThrow();
        assertThat(contested.get("clockPrice").longValue()).isEqualTo(625_000L);
        assertThat(contested.get("supply").intValue()).isEqualTo(1);
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

        // the regulator rationalises 2600 after the auction: every holding is already contiguous
        JsonNode rationalised = postJson(web, "/api/v1/auctions/" + auction + "/rationalisations",
                Map.of("category", "2600"), 201);
        assertThat(rationalised.get("receipt").toString()).contains("signature");
        JsonNode plan = rationalised.get("rationalisation");
        assertThat(plan.get("provenOptimal").booleanValue()).isTrue();
        assertThat(plan.get("nonContiguous").intValue()).isZero();
        assertThat(plan.get("mhzRetuned").asString()).isEqualTo("0");
        assertThat(plan.get("after").asString()).isEqualTo(plan.get("before").asString());
        assertThat(getJson("/api/v1/auctions/" + auction + "/rationalisations/2600").get("after").asString())
                .isEqualTo(plan.get("after").asString());
        String svg = anonymous.get().uri("/api/v1/auctions/" + auction + "/rationalisations/2600/picture.svg")
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("image/svg+xml")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(svg).startsWith("<svg").contains("zong").contains("ufone");
        postJson(web, "/api/v1/auctions/" + auction + "/rationalisations", Map.of("category", "700"), 422);
        String plan2600 = anonymous.get().uri("/api/v1/auctions/" + auction + "/band-plans/2600/picture.svg")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(plan2600).contains("offered: 19 × 10 MHz").contains("Before").contains("zong: 2500–2600 MHz");
        anonymous.get().uri("/api/v1/auctions/" + auction + "/band-plans/700/picture.svg").exchange()
                .expectStatus().isNotFound();
        anonymous.get().uri("/api/v1/auctions/" + auction + "/rationalisations/3500").exchange().expectStatus()
                .isNotFound();
        var verification = concludeAndVerify(auction);
        assertThat(verification.failures()).isEmpty();
        assertThat(verification.summary().recomputation().clockRounds()).isEqualTo(3);
    }

    /** 2026 with a sealed assignment round (FCC, Ofcom, ISED) in place of the position clock. */
    static String sealedAssignmentYaml(String id) {
        return Scenarios.directiveYaml("pk-5g-2026", id)
                .replace("method: POSITION_CLOCK", "method: SEALED_BIDS")
                .replace("pricing: PAY_IN_ADDITION", "pricing: CORE_NEAREST_VCG")
                .lines().filter(line -> !line.contains("firstRoundMinutes: 60              # [A] as in allocation")
                        && !line.contains("the same increments") && !line.contains("unsoldAt"))
                .map(line -> line.contains("roundMinutes: 30                   # [A] as in allocation")
                        ? "    roundMinutes: 120" : line)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void aSealedAssignmentRoundTakesBidsOnOptionsAndPublishesFrequenciesAtCorePrices() {
        String directive = Scenarios.uniqueId("PK-5G-SEALED");
        String auction = biddingAuction(directive, sealedAssignmentYaml(directive), "allocation", List.of("zong", "ufone", "jazz"), 15_000_000);
        UUID id = UUID.fromString(auction);
        String base = "/api/v1/auctions/" + auction + "/stages/";
        stages.openWindow(AuctionId.of(id), StageId.of("allocation"), Instant.now()).block();
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        zongTenAndUfoneNineOf2600(base, zong, ufone);
        postJson(jazz, base + "allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "700", "quantity", 1), Map.of("product", "2300", "quantity", 1))), 201);
        clocks.close(AuctionId.of(id), StageId.of("allocation"), 1, Instant.now()).block();
        stages.openWindow(AuctionId.of(id), StageId.of("assignment"), Instant.now()).block();

        JsonNode m2600 = getJson(base + "assignment/markets").get("markets").get(0);
        assertThat(m2600.get("market").asString()).isEqualTo("2600");
        // zong's 10 blocks of 19: 10 options from the bottom up; ufone's 9: 11
        assertThat(m2600.get("options").get("zong")).hasSize(10);
        assertThat(m2600.get("options").get("zong").get(0).asString()).isEqualTo("2500-2600");
        assertThat(m2600.get("options").get("ufone")).hasSize(11);
        JsonNode notWinner = postJson(jazz, base + "assignment/bids", Map.of("bids", List.of()), 422);
        assertThat(notWinner.get("code").asString()).isEqualTo("not-an-assignment-winner");
        JsonNode unknown = postJson(zong, base + "assignment/bids", Map.of("bids", List.of(
                Map.of("market", "2600", "option", "2500-2590", "amount", 500_000))), 422);
        assertThat(unknown.get("errors").get(0).get("path").asString()).isEqualTo("bids[0].option");
        assertThat(unknown.get("errors").get(0).get("rule").asString()).isEqualTo("UNKNOWN_OPTION");
        JsonNode receipt = postJson(zong, base + "assignment/bids", Map.of("bids", List.of(
                Map.of("market", "2600", "option", "2500-2600", "amount", 500_000))), 201);
        assertThat(receipt.get("commitment").asString()).hasSize(64);
        postJson(ufone, base + "assignment/bids", Map.of("bids", List.of(
                Map.of("market", "2600", "option", "2500-2590", "amount", 200_000))), 201);
        stages.close(AuctionId.of(id), StageId.of("assignment"), Instant.now().plusSeconds(7200)).block();

        JsonNode result = getJson(base + "assignment").get("result");
        assertThat(result.get("status").asString()).isEqualTo("DECIDED");
        JsonNode certificate = result.get("certificates").get(0);
        assertThat(certificate.get("proven").booleanValue()).isTrue();
        // zong's 500,000 for the bottom against ufone's 200,000: zong pays its opportunity cost, 200,000 (VCG, here
        // in the core); ufone takes the top for nothing
        assertThat(certificate.get("vcg").get("zong").longValue()).isEqualTo(200_000L);
        assertThat(certificate.get("core").get("zong").longValue()).isEqualTo(200_000L);
        JsonNode outcome = JSON.readTree(getJson("/api/v1/auctions/" + auction + "/outcome").get("outcome")
                .toString());
        assertThat(outcome.get("assignmentRevenue").longValue()).isEqualTo(200_000L);
        JsonNode zongWins = java.util.stream.StreamSupport.stream(outcome.get("winners").spliterator(), false)
                .filter(w -> w.get("bidder").asString().equals("zong")).findFirst().orElseThrow();
        assertThat(zongWins.get("frequencies").get(0).get("range").asString()).isEqualTo("2500-2600");
        assertThat(zongWins.get("assignmentPrice").longValue()).isEqualTo(200_000L);

        var verification = concludeAndVerify(auction);
        assertThat(verification.failures()).as("the verifier recomputes the round from the opened bids").isEmpty();
        assertThat(verification.summary().recomputation().recomputed()).isEqualTo(1);
        assertThat(verification.summary().recomputation().matching()).isEqualTo(1);
    }

    /** 2026 with 3500 MHz assigned first by the position clock, then 2600 MHz in a sealed round of its own. */
    static String twoAssignmentStagesYaml(String id) {
        return Scenarios.directiveYaml("pk-5g-2026", id)
                .replace("    categories: [\"2600\", \"3500\"]       # [S89]", "    categories: [\"3500\"]")
                .replace("    unsoldAt: TOP                      # [A] unsold 3500 blocks stay at the top of the offered range",
                        "    unsoldAt: TOP\n  - id: assignment-2600\n    type: ASSIGNMENT\n    categories: [\"2600\"]\n"
                                + "    method: SEALED_BIDS\n    openingPrice: 0\n    pricing: CORE_NEAREST_VCG\n"
                                + "    bidMultiple: 1000\n    roundMinutes: 60");
    }

    @Test
    void assignmentStagesRunInTheDirectivesOrderAndTheOutcomeCarriesBoth() {
        String directive = Scenarios.uniqueId("PK-5G-TWO");
        String yaml = twoAssignmentStagesYaml(directive);
        assertThat(yaml).contains("id: assignment-2600").contains("categories: [\"3500\"]");
        String auction = biddingAuction(directive, yaml, "allocation", List.of("zong", "ufone"), 15_000_000);
        UUID id = UUID.fromString(auction);
        String base = "/api/v1/auctions/" + auction + "/stages/";
        stages.openWindow(AuctionId.of(id), StageId.of("allocation"), Instant.now()).block();
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));
        zongTenAndUfoneNineOf2600(base, zong, ufone);
        clocks.close(AuctionId.of(id), StageId.of("allocation"), 1, Instant.now()).block();
        stages.openWindow(AuctionId.of(id), StageId.of("assignment"), Instant.now()).block();
        postJson(zong, base + "assignment/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "3500.position-2", "quantity", 1))), 201);
        postJson(ufone, base + "assignment/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "3500.position-1", "quantity", 1))), 201);
        clocks.close(AuctionId.of(id), StageId.of("assignment"), 1, Instant.now()).block();

        // 3500 settles in round 1 uncontested; 2600's sealed round takes over, no outcome yet
        anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange().expectStatus().is4xxClientError();
        stages.openWindow(AuctionId.of(id), StageId.of("assignment-2600"), Instant.now()).block();
        postJson(ufone, base + "assignment-2600/bids", Map.of("bids", List.of(
                Map.of("market", "2600", "option", "2600-2690", "amount", 0),
                Map.of("market", "2600", "option", "2500-2590", "amount", 50_000))), 201);
        stages.close(AuctionId.of(id), StageId.of("assignment-2600"), Instant.now().plusSeconds(3600)).block();

        JsonNode outcome = JSON.readTree(getJson("/api/v1/auctions/" + auction + "/outcome").get("outcome")
                .toString());
        assertThat(outcome.get("assignments")).extracting(a -> a.get("stage").asString())
                .containsExactly("assignment", "assignment-2600");
        JsonNode ufoneWins = java.util.stream.StreamSupport.stream(outcome.get("winners").spliterator(), false)
                .filter(w -> w.get("bidder").asString().equals("ufone")).findFirst().orElseThrow();
        assertThat(ufoneWins.get("frequencies")).extracting(f -> f.get("category").asString() + " "
                + f.get("range").asString()).containsExactly("3500 3400-3450", "2600 2500-2590");
        // zong bid nothing: ufone's opportunity cost is 0, and so are both prices
        assertThat(outcome.get("assignmentRevenue").longValue()).isZero();
        var verification = concludeAndVerify(auction);
        assertThat(verification.failures()).isEmpty();
        assertThat(verification.summary().recomputation().recomputed()).isEqualTo(1);
    }

    /**
     * Round 1 of the allocation: Zong 10 and Ufone 9 of the 19 lots of 2600, 5 + 5 of 3500's 28; no excess demand,
     * so the clock ends at reserve once the round closes.
     */
    private void zongTenAndUfoneNineOf2600(String base, WebTestClient zong, WebTestClient ufone) {
        postJson(zong, base + "allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 10), Map.of("product", "3500", "quantity", 5))), 201);
        postJson(ufone, base + "allocation/rounds/1/bids", Map.of("bids", List.of(
                Map.of("product", "2600", "quantity", 9), Map.of("product", "3500", "quantity", 5))), 201);
    }

    private org.ngms.verifier.Verification concludeAndVerify(String auction) {
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var keys = org.ngms.audit.PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        return org.ngms.verifier.BundleVerifier.verify(java.util.Arrays.asList(bundle.split("\n")),
                java.util.Optional.of(keys), List.of());
    }

    private JsonNode getJson(String uri) {
        return JSON.readTree(anonymous.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }
}
