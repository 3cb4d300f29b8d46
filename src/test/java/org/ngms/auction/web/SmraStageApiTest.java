package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.SmraEngines;
import org.ngms.auction.app.StageService;
import org.ngms.shared.AuctionId;
import org.ngms.shared.StageId;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMRA stage run through the API: the 2014 directive's lots in a single SMRA (no sealed stage before it), three
 * incumbents. Round 1 opens at the minimum opening bids; operators bid licence by licence with signed receipts; a bid
 * that breaks a rule is refused naming the rule and the bid; the regulator sets the next round's increment within
 * 1–3 %; the public round results show standing high bids without who holds them; each operator sees its own
 * position; a proactive waiver keeps the stage open; the stage ends after a round with no bid, no proactive waiver and
 * no withdrawal, and the outcome gives each licence to its standing high bidder at its bid; the transcript verifies
 * offline, every round recomputed.
 */
class SmraStageApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long M = 1_000_000;

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds rounds;

    @Autowired
    SmraEngines engines;

    /** The 2014 directive with one SMRA stage over every lot and no cross-band condition. */
    static String smraOnlyDirective(String id) {
        return Scenarios.smraOnlyDirective(id);
    }

    private JsonNode get(WebTestClient client, String uri) {
        return JSON.readTree(client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    private static Map<String, Object> bid(String licence, long amount) {
        return Map.of("bids", List.of(Map.of("licence", licence, "amount", amount)));
    }

    @Test
    void anSmraRunsRoundByRoundWithReceiptsRulesPrivacyWaiversAndAnOutcome() throws InterruptedException {
        String directive = Scenarios.uniqueId("PK-SMRA");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(smraOnlyDirective(directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("smra", now.plusSeconds(1).toString()))), 201).get("id").asString();
        Map<String, Map<String, Integer>> demand = Map.of("jazz", Map.of("2100-10", 1), "zong", Map.of("2100-10", 1),
                "telenor", Map.of("2100-5", 1));
        Map<String, Long> deposits = Map.of("jazz", 44_250_000L, "zong", 44_250_000L, "telenor", 22_125_000L);
        for (String b : List.of("jazz", "zong", "telenor")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation",
                    b.toUpperCase(), "newEntrant", false, "deposit", deposits.get(b), "requestedDemand",
                    demand.get(b)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong", "telenor"));
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient telenor = as(accountWithToken("OPERATOR", "telenor"));
        UUID id = UUID.fromString(auction);
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(id), StageId.of("smra"), Instant.now()).block();
        String base = "/api/v1/auctions/" + auction + "/stages/smra/rounds";

        // round 1 is open at the minimum opening bids, for everyone to see
        JsonNode open = get(anonymous, base).get(0);
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
        assertThat(licence(open, "2100-10-1").get("minimumAcceptableBid").longValue()).isEqualTo(295 * M);
        assertThat(licence(open, "2100-5-2").get("minimumAcceptableBid").longValue()).isEqualTo(147_500_000L);
        assertThat(licence(open, "850").get("acceptableAmounts").get(0).longValue()).isEqualTo(291 * M);

        // each rule broken is refused, naming the rule and the bid; nothing is stored
        JsonNode below = postJson(zong, base + "/1/bids", bid("2100-10-1", 294 * M), 422);
        assertThat(below.get("code").asString()).isEqualTo("below-minimum-acceptable-bid");
        assertThat(below.get("errors").get(0).get("path").asString()).isEqualTo("bids[0]");
        assertThat(postJson(zong, base + "/1/bids", bid("850", 291 * M), 422).get("code").asString())
                .isEqualTo("new-entrants-only");
        assertThat(postJson(zong, base + "/1/bids", bid("2100-10-1", 295 * M + 5_000), 422).get("code")
                .asString()).isEqualTo("not-a-bid-multiple");
        assertThat(postJson(telenor, base + "/1/bids", bid("2100-10-1", 295 * M), 422).get("code").asString())
                .isEqualTo("eligibility-exceeded");
        assertThat(postJson(zong, base + "/1/bids", Map.of("bids", List.of(Map.of("licence", "2100-10-1",
                "amount", "lots"))), 422).get("code").asString()).isEqualTo("request-invalid");
        assertThat(postJson(zong, base + "/1/bids", Map.of("bid", List.of()), 422).get("errors").get(0)
                .get("path").asString()).isEqualTo("bid");

        // accepted bids get a signed receipt; the latest version counts
        JsonNode accepted = postJson(jazz, base + "/1/bids", bid("2100-10-2", 295 * M), 201);
        assertThat(accepted.get("version").intValue()).isEqualTo(1);
        assertThat(accepted.get("receipt").get("signature").asString()).isNotBlank();
        assertThat(postJson(jazz, base + "/1/bids", bid("2100-10-1", 295 * M), 201).get("version").intValue())
                .isEqualTo(2);
        postJson(zong, base + "/1/bids", bid("2100-10-2", 295 * M), 201);

        // the regulator announces round 2's increment within 1-3 %
        assertThat(postJson(web, base + "/2/increment", Map.of("percent", "5"), 422).get("code").asString())
                .isEqualTo("increment-out-of-range");
        postJson(web, base + "/2/increment", Map.of("percent", "2"), 200);
        postJson(jazz, base + "/2/increment", Map.of("percent", "2"), 403);

        rounds.close(AuctionId.of(id), StageId.of("smra"), 1, Instant.now()).block();

        // the public result: standing high bids, not who holds them
        String publicText = anonymous.get().uri(base).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(publicText).doesNotContain("jazz").doesNotContain("zong").doesNotContain("telenor");
        JsonNode round1 = JSON.readTree(publicText).get(0);
        assertThat(licence(round1, "2100-10-1").get("standingBid").longValue()).isEqualTo(295 * M);
        assertThat(licence(round1, "2100-10-1").get("holding").asString()).isEqualTo("STANDING");
        assertThat(licence(round1, "2100-5-1").get("holding").asString()).isEqualTo("NO_BID");
        assertThat(round1.get("activity").get("waivers").intValue()).isEqualTo(1);
        JsonNode round2 = JSON.readTree(publicText).get(1);
        assertThat(round2.get("increment").asString()).isEqualTo("2");
        // 295 m + 2 % = 300.9 m
        assertThat(licence(round2, "2100-10-1").get("minimumAcceptableBid").longValue()).isEqualTo(300_900_000L);
        String csv = anonymous.get().uri(base + ".csv").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(csv).startsWith("round,licence,minimum_acceptable_bid,increment_percent,bids,holding,"
                + "standing_bid\n").contains("\n1,2100-10-1,295000000,0,1,STANDING,295000000\n");

        // each operator sees its own position
        JsonNode jazzMine = get(jazz, base + "/1/mine");
        assertThat(jazzMine.get("submissions")).hasSize(2);
        assertThat(jazzMine.get("result").get("standingHigh").get(0).asString()).isEqualTo("2100-10-1");
        assertThat(jazzMine.get("acceptedBids")).hasSize(1);
        JsonNode telenorMine = get(telenor, base + "/1/mine");
        assertThat(telenorMine.get("result").get("waiver").asString()).isEqualTo("AUTOMATIC");
        assertThat(telenorMine.get("result").get("waiversLeft").intValue()).isEqualTo(2);
        assertThat(telenorMine.toString()).doesNotContain("zong").doesNotContain("jazz");

        // an engine rebuilt from the transcript (as after a restart) takes the same bids
        engines.forget(AuctionId.of(id), StageId.of("smra"));
        assertThat(postJson(zong, base + "/2/bids", bid("2100-10-1", 300_900_000L), 422).get("code").asString())
                .isIn("eligibility-exceeded", "spectrum-cap");
        // paused, the round takes no bids
        postJson(web, base + "/2/pause", Map.of(), 200);
        assertThat(postJson(telenor, base + "/2/bids", Map.of("waiver", true), 409).get("code").asString())
                .isEqualTo("round-closed");
        postJson(web, base + "/2/resume", Map.of(), 200);
        postJson(telenor, base + "/2/bids", Map.of("waiver", true), 201);
        rounds.close(AuctionId.of(id), StageId.of("smra"), 2, Instant.now()).block();
        // a proactive waiver keeps the stage open
        anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange().expectStatus().isNotFound();

        // round 3: nothing new, the stage ends
        rounds.close(AuctionId.of(id), StageId.of("smra"), 3, Instant.now()).block();
        JsonNode outcome = get(anonymous, "/api/v1/auctions/" + auction + "/outcome").get("outcome");
        assertThat(outcome.get("revenue").longValue()).isEqualTo(590 * M);
        assertThat(outcome.get("winners")).hasSize(2);
        for (JsonNode w : outcome.get("winners")) {
            assertThat(w.get("price").longValue()).isEqualTo(295 * M);
            assertThat(w.get("lots").get("2100-10").intValue()).isEqualTo(1);
        }
        assertThat(outcome.get("unsold").get("2100-5").intValue()).isEqualTo(2);
        JsonNode window = get(anonymous, "/api/v1/auctions/" + auction + "/stages/smra");
        assertThat(window.get("state").asString()).isEqualTo("EVALUATED");
        assertThat(postJson(zong, base + "/4/bids", Map.of(), 404).get("status").intValue()).isEqualTo(404);

        // the transcript verifies offline: every round recomputed by the reference processor, byte for byte
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<PublicKeyInfo> keys = PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        Verification verified = BundleVerifier.verify(Arrays.asList(bundle.split("\n")), Optional.of(keys),
                List.of());
        assertThat(verified.failures()).as(verified.findings().toString()).isEmpty();
        assertThat(verified.summary().recomputation())
                .isEqualTo(new Verification.Recomputation(true, 0, 0, 0, 0, 0, 0, 3, 3, 0));
    }

    private static JsonNode licence(JsonNode round, String licence) {
        for (JsonNode l : round.get("licences")) {
            if (l.get("licence").asString().equals(licence)) {
                return l;
            }
        }
        throw new AssertionError("no licence " + licence + " in " + round);
    }
}
