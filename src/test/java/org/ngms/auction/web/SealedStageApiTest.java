package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Receipt;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.Verification;
import org.ngms.shared.CanonicalJson;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sealed stage of pre-bid offers at reserve, end to end on the Pakistan 2021 directive: operators submit sealed bids
 * that nobody can read before the deadline — not through the API, not in the database, not in the logs, not the
 * regulator — the scheduler closes the window, the bids are opened against their commitments, evaluated, and the
 * outcome is published in the signed transcript.
 */
@ExtendWith(OutputCaptureExtension.class)
class SealedStageApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A marker of bid content: the key of every sealed demand. */
    private static final String CONTENT = "\"demand\"";

    @Autowired
    DatabaseClient db;

    private String auction;
    private WebTestClient ufone;
    private WebTestClient jazz;
    private Instant deadline;
    private final List<Receipt> receipts = new ArrayList<>();


    @BeforeEach
    void anAuctionInBiddingWithItsSealedStageOpen() throws InterruptedException {
        String directive = Scenarios.uniqueId("PK-2021");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        Instant opens = now.plusSeconds(1);
        deadline = now.plusSeconds(8);
        auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", opens.toString(),
                "stageOpenings", Map.of("sealed", opens.toString()),
                "stageClosings", Map.of("sealed", deadline.toString()))), 201).get("id").asString();
        postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", "ufone", "organisation", "PTML",
                "newEntrant", false, "deposit", 55_800_000, "requestedDemand", Map.of("1800-A", 1, "1800-B", 20)), 201);
        postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", "jazz", "organisation", "PMCL",
                "newEntrant", false, "deposit", 29_000_000, "requestedDemand", Map.of("2100", 1)), 201);
        qualifyAndOpenBidding(auction, List.of("ufone", "jazz"));
        ufone = as(accountWithToken("OPERATOR", "ufone"));
        jazz = as(accountWithToken("OPERATOR", "jazz"));
        awaitStageState("OPEN", Duration.ofSeconds(10));
    }

    private void awaitStageState(String state, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            String current = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/sealed")
                    .exchange().expectBody(String.class).returnResult().getResponseBody()).path("state").asString("");
            if (current.equals(state)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("stage did not reach " + state + " within " + timeout);
    }

    private JsonNode submit(WebTestClient client, Map<String, Integer> demand) {
        JsonNode submitted = postJson(client, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", demand), 201);
        receipts.add(Receipt.fromJson(submitted.get("receipt")));
        return submitted;
    }

    /** Every row the database holds about this auction, and the whole security log and service transcript. */
    private String everythingTheDatabaseHolds() {
        List<String> rows = db.sql("""
                        select coalesce(string_agg(record_json, ' '), '') as text from transcript
                            where chain in (:chain, 'service')
                        union all select coalesce(string_agg(encode(ciphertext, 'escape'), ' '), '') from sealed_bid
                            where auction_id = :auction
                        union all select coalesce(string_agg(coalesce(result_json, ''), ' '), '') from stage_window
                            where auction_id = :auction
                        union all select coalesce(string_agg(coalesce(detail, ''), ' '), '') from security_event
                        """)
                .bind("chain", "auction:" + auction)
                .bind("auction", java.util.UUID.fromString(auction))
                .map(row -> row.get(0, String.class)).all().collectList().block();
        return String.join(" ", rows);
    }

    @Test
    void sealedBidsAreUnreadableByAnyoneBeforeTheDeadline(CapturedOutput output) {
        JsonNode submitted = submit(ufone, Map.of("1800-A", 1, "1800-B", 20));
        submit(jazz, Map.of("2100", 1));

        assertThat(submitted.get("version").intValue()).isEqualTo(1);
        assertThat(submitted.toString()).doesNotContain(CONTENT);
        assertThat(everythingTheDatabaseHolds()).doesNotContain(CONTENT);
        assertThat(output.getAll()).doesNotContain(CONTENT);
        for (String uri : everyReadRoute()) {
            for (WebTestClient reader : List.of(web, ufone, jazz, anonymous)) {
                String body = reader.get().uri(uri).exchange().expectBody(String.class).returnResult()
                        .getResponseBody();
                assertThat(body == null ? "" : body).as("reading " + uri).doesNotContain(CONTENT);
            }
        }
        String mine = ufone.get().uri("/api/v1/auctions/" + auction + "/stages/sealed/bids/mine").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(mine).contains(submitted.get("commitment").asString()).doesNotContain(CONTENT);
    }

    /**
     * Every GET route the service serves (from the generated OpenAPI document, so a new route is covered without
     * being named here), for this auction, its sealed stage and a bidder, except the live feed, which never ends.
     */
    private List<String> everyReadRoute() {
        JsonNode paths = JSON.readTree(anonymous.get().uri("/v3/api-docs").exchange().expectBody(String.class)
                .returnResult().getResponseBody()).get("paths");
        List<String> routes = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (!paths.get(path).has("get") || path.endsWith("/feed")) {
                continue;
            }
            String id = path.startsWith("/api/v1/auctions") ? auction
                    : path.startsWith("/api/v1/accounts") ? "regulator" : "PK-NGMS-2021";
            routes.add(path.replace("{id}", id).replace("{stage}", "sealed").replace("{bidderId}", "ufone")
                    .replace("{version}", "1").replace("{round}", "1").replace("{category}", "1800-A")
                    + (path.equals("/api/v1/security-events") ? "?limit=1000" : ""));
        }
        assertThat(routes).hasSizeGreaterThan(20);
        return routes;
    }

    @Test
    void theCommitmentIsTheHashOfTheSaltedBidThatTheSubmitterCanRebuild() {
        JsonNode submitted = submit(ufone, Map.of("1800-A", 1, "1800-B", 20));

        String content = "{\"auction\":\"" + auction + "\",\"bid\":{\"demand\":{\"1800-A\":1,\"1800-B\":20}},"
                + "\"bidder\":\"ufone\",\"salt\":\"" + submitted.get("salt").asString()
                + "\",\"stage\":\"sealed\",\"version\":1}";
        assertThat(CanonicalJson.sha256Hex(content)).isEqualTo(submitted.get("commitment").asString());
        assertThat(submitted.get("receipt").get("requestSha256").asString())
                .isEqualTo(submitted.get("commitment").asString());
    }

    @Test
    void aBidBreakingARuleIsRefusedWithTheRuleAndAnotherBiddersStageIsNotOurs() {
        postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids", Map.of("demand", Map.of("1800-B", 200)),
                422);
        JsonNode capped = postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("1800-A", 1, "1800-B", 39)), 422);
        assertThat(capped.get("code").asString()).isIn("spectrum-cap", "eligibility-exceeded", "deposit-below-required");
        JsonNode malformed = postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("1800-A", "one")), 422);
        assertThat(malformed.get("errors").get(0).get("path").asString()).isEqualTo("demand.1800-A");
        JsonNode stranger = postJson(as(accountWithToken("OPERATOR", "zong")),
                "/api/v1/auctions/" + auction + "/stages/sealed/bids", Map.of("demand", Map.of("2100", 1)), 409);
        assertThat(stranger.get("code").asString()).isEqualTo("not-qualified");
    }

    @Test
    void replacingAndWithdrawingMakeNewVersionsAndOnlyTheLatestCounts() throws InterruptedException {
        submit(ufone, Map.of("1800-A", 1));
        submit(ufone, Map.of("1800-A", 1, "1800-B", 20));
        submit(jazz, Map.of("2100", 1));
        JsonNode withdrawn = postJson(jazz, "/api/v1/auctions/" + auction + "/stages/sealed/bids/withdrawal", Map.of(),
                200);
        assertThat(withdrawn.get("version").intValue()).isEqualTo(2);
        assertThat(withdrawn.get("withdrawn").booleanValue()).isTrue();

        awaitStageState("EVALUATED", Duration.ofSeconds(20));

        JsonNode stage = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/sealed")
                .exchange().expectBody(String.class).returnResult().getResponseBody());
        assertThat(stage.get("result").get("awards")).hasSize(2);
        assertThat(stage.get("result").get("exclusions").get(0).get("bidder").asString()).isEqualTo("jazz");
    }

    @Test
    void afterTheDeadlineBidsAreOpenedEvaluatedAndTheOutcomeIsPublishedAndVerifiable() throws InterruptedException {
        submit(ufone, Map.of("1800-A", 1, "1800-B", 20));
        submit(jazz, Map.of("2100", 1));

        awaitStageState("EVALUATED", Duration.ofSeconds(20));

        JsonNode late = postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("1800-A", 1)), 409);
        assertThat(late.get("code").asString()).isEqualTo("bidding-closed");
        assertThat(late.get("detail").asString()).contains("deadline");

        JsonNode outcome = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("outcome");
        assertThat(outcome.get("revenue").longValue()).isEqualTo(279_000_000L + 145_000_000L);
        assertThat(outcome.get("winners").get(1).get("bidder").asString()).isEqualTo("ufone");
        assertThat(outcome.get("winners").get(1).get("price").longValue()).isEqualTo(279_000_000L);
        assertThat(outcome.get("winners").get(1).get("payments").get(1).get("instalments")).hasSize(5);
        assertThat(outcome.get("unsold").get("1800-B").intValue()).isEqualTo(19);
        assertThat(outcome.get("unsold").get("2100").intValue()).isEqualTo(2);

        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<PublicKeyInfo> keys = PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        Verification verification = BundleVerifier.verify(Arrays.asList(bundle.split("\n")), Optional.of(keys),
                receipts);
        assertThat(verification.failures()).isEmpty();
        assertThat(verification.summary().seed()).isEqualTo(Verification.SeedStatus.REVEALED_AND_MATCHES);
        // the verifier recomputed the sealed stage and the outcome from the opened bids: the service's own bundle
        assertThat(verification.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
        assertThat(bundle).contains("\"type\":\"SEALED_BIDS_OPENED\"").contains("\"type\":\"OUTCOME_PUBLISHED\"")
                .contains(CONTENT);
    }
}
