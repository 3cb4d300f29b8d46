package org.ngms.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Receipt;
import org.ngms.audit.Signatures;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.Check;
import org.ngms.verifier.Verification;
import org.ngms.auction.web.AuctionController;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scripted flow a regulator runs (directive → auction → registration → qualification → bidding → end) leaves a
 * transcript that the offline verifier accepts, with receipts that match it; tampering with a stored row is caught.
 */
class AuditTrailApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;

    private String auction;
    private final List<Receipt> receipts = new ArrayList<>();

    private Receipt receiptOf(EntityExchangeResult<?> result) {
        String header = result.getResponseHeaders().getFirst(AuctionController.RECEIPT_HEADER);
        assertThat(header).as("every accepted change carries a receipt").isNotNull();
        return Receipt.fromJson(JSON.readTree(header));
    }

    private EntityExchangeResult<byte[]> post(String uri, Object body) {
        return web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().is2xxSuccessful().expectBody().returnResult();
    }

    @BeforeEach
    void theScriptedFlowUpToBidding() {
        String directive = Scenarios.uniqueId("AUDIT");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-5g-2026", directive)).exchange().expectStatus().isCreated();
        var created = post("/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", "2026-02-27T12:00:00Z", "biddingOpens", "2026-03-10T05:00:00Z",
                "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z"))));
        auction = JSON.readTree(created.getResponseBody()).get("id").asString();
        receipts.add(receiptOf(created));
        for (String bidder : List.of("jazz", "zong", "ufone")) {
            receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/bidders", Map.of("id", bidder,
                    "organisation", bidder.toUpperCase(), "newEntrant", false, "deposit", 15_000_000))));
        }
        receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/transitions", Map.of("to", "QUALIFICATION"))));
        for (String bidder : List.of("jazz", "zong")) {
            receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/bidders/" + bidder + "/qualification",
                    Map.of())));
        }
        receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/bidders/ufone/disqualification",
                Map.of("reason", "deposit not confirmed"))));
        receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/transitions", Map.of("to", "BIDDING"))));
    }

    private List<String> bundle() {
        String body = web.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/jsonl")
                .expectBody(String.class).returnResult().getResponseBody();
        return Arrays.asList(body.split("\n"));
    }

    private List<PublicKeyInfo> publishedKeys() {
        JsonNode keys = JSON.readTree(anonymous.get().uri("/api/v1/keys").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("keys");
        List<PublicKeyInfo> list = new ArrayList<>();
        keys.forEach(k -> list.add(PublicKeyInfo.fromJson(k)));
        return list;
    }

    private Verification verify(List<String> bundle) {
        return BundleVerifier.verify(bundle, Optional.of(publishedKeys()), receipts);
    }

    @Test
    void theTranscriptOfTheFlowVerifiesWithEveryReceipt() {
        List<String> bundle = bundle();

        Verification verification = verify(bundle);

        assertThat(verification.failures()).isEmpty();
        assertThat(verification.ok()).isTrue();
        // nine requests, and the scheduling of the format's first stage when bidding opened
        assertThat(verification.summary().verifiedRecords()).isEqualTo(10);
        assertThat(verification.summary().receiptsChecked()).isEqualTo(9);
        assertThat(verification.summary().seed()).isEqualTo(Verification.SeedStatus.NOT_YET_REVEALED);
        assertThat(bundle.get(1)).contains("\"type\":\"AUCTION_CREATED\"").contains("\"seedCommitment\"")
                .contains("\"lotCategories\"");
    }

    @Test
    void beforeTheEndOnlyTheRegulatorGetsTheTranscriptButEveryoneGetsItsSignedHead() {
        anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("transcript-not-public");
        JsonNode head = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript/head")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        PublicKeyInfo key = publishedKeys().stream().filter(k -> k.kid().equals(head.get("kid").asString()))
                .findFirst().orElseThrow();
        String chain = head.get("head").get("chain").asString();
        long seq = head.get("head").get("seq").longValue();
        String hash = head.get("head").get("hash").asString();

        assertThat(seq).isEqualTo(10);
        assertThat(Ed25519.verify(key.publicKeyBytes(), Signatures.head(chain, seq, hash),
                Ed25519.fromBase64(head.get("signature").asString()))).isTrue();
        assertThat(bundle().get(10)).contains(hash);
    }

    @Test
    void whenTheAuctionEndsItsSeedIsRevealedAndTheTranscriptIsPublic() {
        receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/transitions",
                Map.of("to", "CANCELLED", "reason", "court stay"))));

        String body = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Verification verification = verify(Arrays.asList(body.split("\n")));

        assertThat(verification.failures()).isEmpty();
        assertThat(verification.summary().seed()).isEqualTo(Verification.SeedStatus.REVEALED_AND_MATCHES);
        assertThat(body).contains("\"type\":\"SEED_REVEALED\"");
    }

    @Test
    void aKeyRotationMidwayKeepsEveryOldSignatureValid() {
        web.post().uri("/api/v1/keys/rotation").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.kid").exists();
        receipts.add(receiptOf(post("/api/v1/auctions/" + auction + "/transitions",
                Map.of("to", "CANCELLED", "reason", "re-tender"))));

        Verification verification = verify(bundle());

        assertThat(verification.failures()).isEmpty();
        assertThat(verification.summary().keysUsed()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(publishedKeys()).filteredOn(k -> k.validUntil().isEmpty()).hasSize(1);
    }

    @Test
    void aRejectedRequestLeavesNoRecordAndNoReceipt() {
        var rejected = web.post().uri("/api/v1/auctions/" + auction + "/transitions")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "CONCLUDED")).exchange()
                .expectStatus().isEqualTo(409).expectBody().returnResult();

        assertThat(rejected.getResponseHeaders().getFirst(AuctionController.RECEIPT_HEADER)).isNull();
        assertThat(bundle()).hasSize(10 + 2);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTranscriptRows() {
        StepVerifier.create(db.sql("update transcript set type = 'X' where chain = :chain")
                        .bind("chain", "auction:" + auction).fetch().rowsUpdated())
                .expectErrorMatches(e -> e.getMessage().contains("append-only")).verify();
        StepVerifier.create(db.sql("delete from transcript where chain = :chain")
                        .bind("chain", "auction:" + auction).fetch().rowsUpdated())
                .expectErrorMatches(e -> e.getMessage().contains("append-only")).verify();
    }

    @Test
    void aByteChangedInAStoredRowIsFoundAtThatRecord() {
        // an attacker with database superuser rights switches the trigger off and edits record 4
        StepVerifier.create(db.sql("alter table transcript disable trigger transcript_append_only").then()
                .then(db.sql("update transcript set record_json = replace(record_json, '15000000', '15000001') "
                        + "where chain = :chain and seq = 4").bind("chain", "auction:" + auction)
                        .fetch().rowsUpdated())
                .flatMap(n -> db.sql("alter table transcript enable trigger transcript_append_only").then()
                        .thenReturn(n)))
                .expectNext(1L).verifyComplete();

        Verification verification = verify(bundle());

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstFailure()).hasValueSatisfying(f -> {
            assertThat(f.check()).isEqualTo(Check.HASH);
            assertThat(f.seq()).hasValue(4);
        });
    }

    @Test
    void concurrentAppendsToOneChainFormOneUnbrokenChain() {
        List<CompletableFuture<Void>> registrations = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.runAsync(() -> web.post().uri("/api/v1/directives")
                        .contentType(MediaType.parseMediaType("application/yaml"))
                        .bodyValue(Scenarios.directiveYaml("pk-5g-2026", Scenarios.uniqueId("PAR" + i)))
                        .exchange().expectStatus().isCreated()))
                .toList();
        registrations.forEach(CompletableFuture::join);

        String service = web.get().uri("/api/v1/transcripts/service").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Verification verification = BundleVerifier.verify(Arrays.asList(service.split("\n")),
                Optional.of(publishedKeys()), List.of());

        assertThat(verification.failures()).isEmpty();
        assertThat(service).contains("\"type\":\"DIRECTIVE_REGISTERED\"").contains("\"type\":\"SECURITY_");
    }
}
