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
import org.ngms.verifier.Finding;
import org.ngms.verifier.Verification;
import org.ngms.auction.app.StageService;
import org.ngms.optimiser.wdp.WdpReader;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sealed package round (XOR package bids, VCG prices) run by the service on the AJK &amp; GB lots: bids sealed until
 * the deadline, then winner determination with its certificate, second prices, the round exported as wdp/1, and the
 * outcome.
 */
class SealedPackageStageApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Ed25519.KeyPair KEY = TestTranscripts.key("package-recomputation-test");

    @Autowired
    StageService stages;


    /** The AJK &amp; GB directive with one sealed package round priced by VCG instead of sealed demand and a clock. */
    private static String packageDirective(String id) {
        String yaml = Scenarios.directiveYaml("ajkgb-ngms-2021", id);
        int start = yaml.indexOf("\nstages:");
        int end = yaml.indexOf("\npayment:");
        return yaml.substring(0, start) + "\nstages:\n  - id: packages\n    type: SEALED_PACKAGE\n"
                + "    pricing: VCG\n    maxPackagesPerBidder: 3\n" + yaml.substring(end);
    }

    @Test
    void packageBidsAreSolvedToAProvenOptimumAndPricedBySecondPrices() {
        String directive = Scenarios.uniqueId("AJKGB-PKG");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(packageDirective(directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("packages", now.plusSeconds(1).toString()),
                "stageClosings", Map.of("packages", now.plusSeconds(600).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 2_000_000, "requestedDemand", Map.of("P1", 2)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        UUID id = UUID.fromString(auction);
        stages.openWindow(AuctionId.of(id), StageId.of("packages"), Instant.now()).block();

        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        postJson(jazz, "/api/v1/auctions/" + auction + "/stages/packages/bids", Map.of("packages", List.of(
                Map.of("id", "both", "lots", Map.of("P1", 2), "amount", 10_000_000),
                Map.of("id", "one", "lots", Map.of("P1", 1), "amount", 6_000_000))), 201);
        postJson(zong, "/api/v1/auctions/" + auction + "/stages/packages/bids", Map.of("packages", List.of(
                Map.of("id", "one", "lots", Map.of("P1", 1), "amount", 5_500_000))), 201);
        JsonNode belowReserve = postJson(zong, "/api/v1/auctions/" + auction + "/stages/packages/bids", Map.of(
                "packages", List.of(Map.of("id", "cheap", "lots", Map.of("P1", 1), "amount", 4_000_000))), 422);
        assertThat(belowReserve.get("code").asString()).isEqualTo("below-package-reserve");

        stages.close(AuctionId.of(id), StageId.of("packages"), Instant.now()).block();

        JsonNode result = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/packages")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .get("result");
        assertThat(result.get("status").asString()).isEqualTo("PRICED");
        assertThat(result.get("certificate").get("provenOptimal").booleanValue()).isTrue();
        // jazz "one" + zong "one" = 11.5 m beats jazz "both" = 10 m
        assertThat(result.get("winners")).hasSize(2);
        assertThat(WdpReader.read(result.get("wdp").toString())).isInstanceOf(WdpReader.Read.class);
        JsonNode outcome = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("outcome");
        // VCG with reserves as bids: neither winner's bid changes what the other could have won, so each pays reserve
        assertThat(outcome.get("revenue").longValue()).isEqualTo(2 * 4_350_000L);

        // the offline verifier recomputes the round from the opened packages: certificate, wdp/1, prices, outcome
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<PublicKeyInfo> keys = PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        List<String> lines = Arrays.asList(bundle.split("\n"));
        Verification clean = BundleVerifier.verify(lines, Optional.of(keys), List.of());
        assertThat(clean.findings()).noneMatch(f -> f.severity() != Finding.Severity.INFO
                && f.check() != Check.KEY_SOURCE);
        assertThat(clean.summary().seed()).isEqualTo(Verification.SeedStatus.REVEALED_AND_MATCHES);
        assertThat(clean.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
        assertThat(clean.findings()).noneMatch(f -> f.check() == Check.RECOMPUTE_SKIPPED);

        // a winner's price changed in STAGE_RESULT and the chain re-signed: only the recomputation can tell
        List<TranscriptRecord> records = lines.subList(1, lines.size() - 1).stream()
                .map(l -> SignedRecord.fromJsonLine(l).record())
                .map(r -> new TranscriptRecord(r.chain(), r.seq(), r.prev(), r.type(), r.at(), r.payload().deepCopy()))
                .toList();
        assertThat(verify(records).failures()).isEmpty();
        TranscriptRecord stageResult = records.stream().filter(r -> r.type().equals("STAGE_RESULT")).findFirst()
                .orElseThrow();
        ObjectNode winner = (ObjectNode) stageResult.payload().get("result").get("winners").get(0);
        winner.put("price", winner.get("price").longValue() + 1_000_000);

        Verification tampered = verify(records);
        Finding first = tampered.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.RECOMPUTED_RESULT);
        assertThat(first.seq().getAsLong()).isEqualTo(stageResult.seq());
        assertThat(first.detail()).contains("winners: recorded").contains("both proven optimal");
        assertThat(tampered.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 0, 0));
        // and the unchanged outcome no longer agrees with the changed result
        assertThat(tampered.failures()).anyMatch(f -> f.check() == Check.RECOMPUTED_OUTCOME);
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
