package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TestTranscripts;
import org.ngms.audit.TranscriptRecord;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.BundleWriter;
import org.ngms.verifier.Check;
import org.ngms.verifier.Verification;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.StageService;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AJK &amp; GB 2021 auction with the clock's increment set by the regulator within a range (REGULATOR_RANGE,
 * 2–10%): the regulator sets round 2's increment while round 1 is open, round 2 opens with it, a value outside the
 * range or for a round that is not next is refused, and the offline verifier recomputes the rounds with the
 * increments the transcript records.
 */
class RegulatorIncrementApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Ed25519.KeyPair KEY = TestTranscripts.key("increment-recomputation-test");

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds clocks;


    private JsonNode get(WebTestClient client, String uri) {
        return JSON.readTree(client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    /** The AJK &amp; GB directive with the clock's increment set by the regulator between 2% and 10%. */
    private static String regulatorRangeDirective(String id) {
        String yaml = Scenarios.directiveYaml("ajkgb-ngms-2021", id);
        String fixed = "increment: { basis: PERCENT_OF_POSTED_PRICE, percent: \"3\" }";
        assertThat(yaml).contains(fixed);
        return yaml.replace(fixed, "increment: { basis: REGULATOR_RANGE, minPercent: \"2\", maxPercent: \"10\" }");
    }

    @Test
    void theRegulatorSetsRoundTwosIncrementWithinTheRangeAndTheVerifierRecomputesTheRounds()
            throws InterruptedException {
        String directive = Scenarios.uniqueId("AJKGB-INC");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(regulatorRangeDirective(directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        Instant opens = now.plusSeconds(1);
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", opens.toString(),
                "stageOpenings", Map.of("sealed", opens.toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(600).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 870_000, "requestedDemand", Map.of("P1", 2)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        UUID id = UUID.fromString(auction);
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(id), StageId.of("sealed"), Instant.now()).block();
        postJson(jazz, "/api/v1/auctions/" + auction + "/stages/sealed/bids", Map.of("demand", Map.of("P1", 2)), 201);
        postJson(zong, "/api/v1/auctions/" + auction + "/stages/sealed/bids", Map.of("demand", Map.of("P1", 2)), 201);
        stages.close(AuctionId.of(id), StageId.of("sealed"), Instant.now()).block();
        stages.openWindow(AuctionId.of(id), StageId.of("clock"), Instant.now()).block();
        String rounds = "/api/v1/auctions/" + auction + "/stages/clock/rounds/";

        // round 1 is open: round 2's increment may be set, within [2, 10] %, and set again
        JsonNode outside = postJson(web, rounds + "2/increment", Map.of("percent", "12"), 422);
        assertThat(outside.get("code").asString()).isEqualTo("increment-out-of-range");
        assertThat(outside.get("detail").asString()).contains("outside the published range");
        postJson(web, rounds + "2/increment", Map.of("percent", "1.5"), 422);
        JsonNode notNext = postJson(web, rounds + "3/increment", Map.of("percent", "5"), 422);
        assertThat(notNext.get("code").asString()).isEqualTo("round-not-next");
        postJson(web, rounds + "1/increment", Map.of("percent", "5"), 422);
        postJson(web, rounds + "2/increment", Map.of("percent", "abc"), 422);
        postJson(web, rounds + "2/increment", Map.of("percent", "4"), 200);
        JsonNode set = postJson(web, rounds + "2/increment", Map.of("percent", "10"), 200);
        assertThat(set.get("percent").asString()).isEqualTo("10");
        assertThat(set.get("round").intValue()).isEqualTo(2);

        postJson(jazz, rounds + "1/bids", Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))), 201);
        postJson(zong, rounds + "1/bids", Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))), 201);
        clocks.close(AuctionId.of(id), StageId.of("clock"), 1, Instant.now()).block();

        // round 2 has opened: its increment can no longer change
        assertThat(postJson(web, rounds + "2/increment", Map.of("percent", "5"), 422).get("code").asString())
                .isEqualTo("round-not-next");
        // 4,350,000 + 10% = 4,785,000 (already a multiple of the USD 1,000 bid multiple)
        JsonNode zongBid = postJson(zong, rounds + "2/bids", Map.of("bids", List.of(Map.of("product", "P1",
                "quantity", 2))), 201);
        assertThat(zongBid.get("bids").get(0).get("price").longValue()).isEqualTo(4_785_000L);
        postJson(jazz, rounds + "2/bids", Map.of("bids", List.of(Map.of("product", "P1", "quantity", 0))), 201);
        clocks.close(AuctionId.of(id), StageId.of("clock"), 2, Instant.now()).block();

        JsonNode round2 = get(anonymous, "/api/v1/auctions/" + auction + "/stages/clock/rounds").get(1);
        assertThat(round2.get("increment").asString()).isEqualTo("10");
        assertThat(round2.get("products").get(0).get("clockPrice").longValue()).isEqualTo(4_785_000L);
        JsonNode outcome = get(anonymous, "/api/v1/auctions/" + auction + "/outcome").get("outcome");
        assertThat(outcome.get("revenue").longValue()).isEqualTo(2 * 4_785_000L);

        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(bundle).contains("\"type\":\"ROUND_INCREMENT_SET\"").contains("\"increment\":\"10\"");
        List<PublicKeyInfo> keys = PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        List<String> lines = Arrays.asList(bundle.split("\n"));
        Verification clean = BundleVerifier.verify(lines, Optional.of(keys), List.of());
        assertThat(clean.failures()).isEmpty();
        assertThat(clean.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0, 2, 2, 0));

        // the increment the regulator set, changed and re-signed: round 2 no longer opens with it
        List<TranscriptRecord> records = lines.subList(1, lines.size() - 1).stream()
                .map(l -> SignedRecord.fromJsonLine(l).record())
                .map(r -> new TranscriptRecord(r.chain(), r.seq(), r.prev(), r.type(), r.at(), r.payload().deepCopy()))
                .toList();
        assertThat(verify(records).failures()).isEmpty();
        List<TranscriptRecord> setRecords = records.stream().filter(r -> r.type().equals("ROUND_INCREMENT_SET"))
                .toList();
        assertThat(setRecords).hasSize(2);
        ((ObjectNode) setRecords.get(1).payload()).put("percent", "8");
        Verification changedSet = verify(records);
        assertThat(changedSet.firstFailure().orElseThrow().check()).isEqualTo(Check.CLOCK_ROUND_OPENED);
        assertThat(changedSet.firstFailure().orElseThrow().detail()).contains("the regulator set 8%");

        // the increment round 2 opened with, changed (prices left alone): the prices no longer follow from it
        ((ObjectNode) setRecords.get(1).payload()).put("percent", "10");
        TranscriptRecord opened2 = records.stream().filter(r -> r.type().equals("ROUND_OPENED")
                && r.payload().path("round").intValue() == 2).findFirst().orElseThrow();
        ((ObjectNode) opened2.payload()).put("increment", "8");
        Verification changedOpening = verify(records);
        assertThat(changedOpening.failures()).allMatch(f -> f.check() == Check.CLOCK_ROUND_OPENED
                || f.check() == Check.CLOCK_ROUND_RESULT);
        assertThat(changedOpening.firstFailure().orElseThrow().seq().getAsLong()).isEqualTo(opened2.seq());
    }

    /** The records, re-linked, re-signed with a test key and verified as a bundle with that key. */
    private static Verification verify(List<TranscriptRecord> records) {
        List<SignedRecord> signed = new ArrayList<>();
        String prev = TranscriptRecord.GENESIS;
        long seq = 1;
        for (TranscriptRecord r : records) {
            TranscriptRecord relinked = new TranscriptRecord(r.chain(), seq++, prev, r.type(), r.at(), r.payload());
            signed.add(SignedRecord.sign(relinked, TestTranscripts.kid(KEY), KEY.privateKey()));
            prev = relinked.hash();
        }
        PublicKeyInfo key = TestTranscripts.current(KEY, Instant.parse(records.get(0).at()).minus(Duration.ofDays(1)));
        List<String> bundle = BundleWriter.write(records.get(0).chain(), signed, List.of(key),
                TestTranscripts.kid(KEY), KEY.privateKey());
        return BundleVerifier.verify(bundle, Optional.of(List.of(key)), List.of());
    }
}
