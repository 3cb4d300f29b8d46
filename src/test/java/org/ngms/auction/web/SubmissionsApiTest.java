package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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
 * {@code GET …/stages/{stage}/submissions}: the regulator sees who has bid, in a sealed stage and in a clock round,
 * and never what; operators and the public may not ask.
 */
class SubmissionsApiTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StageService stages;

    private JsonNode submissions(String auction, String stage, String query) {
        return JSON.readTree(web.get().uri("/api/v1/auctions/" + auction + "/stages/" + stage + "/submissions" + query)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode of(JsonNode answer, String bidder) {
        for (JsonNode b : answer.get("bidders")) {
            if (b.get("bidder").asString().equals(bidder)) {
                return b;
            }
        }
        throw new AssertionError("no " + bidder + " in " + answer);
    }

    @Test
    void inAClockRoundTheRegulatorSeesWhoHasBidAndNeverWhat() {
        String directive = Scenarios.uniqueId("PK-5G");
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation",
                List.of("jazz", "zong", "ufone"), 15_000_000);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), Instant.now()).block();
        String url = "/api/v1/auctions/" + auction + "/stages/allocation/submissions";
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        String round1 = "/api/v1/auctions/" + auction + "/stages/allocation/rounds/1/bids";
        postJson(jazz, round1, Map.of("bids", List.of(Map.of("product", "2600", "quantity", 7),
                Map.of("product", "3500", "quantity", 5))), 201);
        postJson(jazz, round1, Map.of("bids", List.of(Map.of("product", "2600", "quantity", 6),
                Map.of("product", "3500", "quantity", 5))), 201);

        jazz.get().uri(url).exchange().expectStatus().isForbidden();
        as(accountWithToken("OBSERVER", null)).get().uri(url).exchange().expectStatus().isForbidden();
        anonymous.get().uri(url).exchange().expectStatus().isUnauthorized();

        JsonNode answer = submissions(auction, "allocation", "");
        assertThat(answer.get("type").asString()).isEqualTo("CLOCK");
        assertThat(answer.get("round").intValue()).isEqualTo(1);
        assertThat(answer.get("roundState").asString()).isEqualTo("OPEN");
        assertThat(answer.get("bidders")).hasSize(3);
        assertThat(of(answer, "jazz").get("hasBid").booleanValue()).isTrue();
        assertThat(of(answer, "jazz").get("submissions").intValue()).isEqualTo(2);
        assertThat(of(answer, "jazz").get("latestVersion").intValue()).isEqualTo(2);
        assertThat(of(answer, "jazz").has("latestAt")).isTrue();
        assertThat(of(answer, "zong").get("hasBid").booleanValue()).isFalse();
        assertThat(of(answer, "zong").get("submissions").intValue()).isZero();
        String text = answer.toString();
        assertThat(text).as("who, never what").doesNotContain("quantity", "product", "2600", "3500", "\"bids\"");
        assertThat(submissions(auction, "allocation", "?round=1")).isEqualTo(answer);
        web.get().uri(url + "?round=9").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/auctions/" + auction + "/stages/nosuch/submissions").exchange().expectStatus()
                .isNotFound();
    }

    @Test
    void inASealedStageTheRegulatorSeesWhoHasABidInButNeitherItsContentNorItsCommitment()
            throws InterruptedException {
        String directive = Scenarios.uniqueId("PK-2021");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        Instant opens = now.plusSeconds(1);
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", opens.toString(),
                "stageOpenings", Map.of("sealed", opens.toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(60).toString()))), 201).get("id").asString();
        postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", "ufone", "organisation", "PTML",
                "newEntrant", false, "deposit", 55_800_000, "requestedDemand", Map.of("1800-A", 1, "1800-B", 20)), 201);
        postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", "jazz", "organisation", "PMCL",
                "newEntrant", false, "deposit", 29_000_000, "requestedDemand", Map.of("2100", 1)), 201);
        qualifyAndOpenBidding(auction, List.of("ufone", "jazz"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));
        awaitOpen(auction);

        JsonNode first = postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("1800-A", 1)), 201);
        JsonNode second = postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("1800-A", 1, "1800-B", 4)), 201);

        ufone.get().uri("/api/v1/auctions/" + auction + "/stages/sealed/submissions").exchange().expectStatus()
                .isForbidden();
        JsonNode answer = submissions(auction, "sealed", "");
        assertThat(answer.get("type").asString()).isEqualTo("SEALED_DEMAND_AT_RESERVE");
        assertThat(answer.has("round")).isFalse();
        assertThat(of(answer, "ufone").get("hasBid").booleanValue()).isTrue();
        assertThat(of(answer, "ufone").get("latestVersion").intValue()).isEqualTo(2);
        assertThat(of(answer, "ufone").get("withdrawn").booleanValue()).isFalse();
        assertThat(of(answer, "jazz").get("hasBid").booleanValue()).isFalse();
        String text = answer.toString();
        assertThat(text).as("no content").doesNotContain("demand", "1800-A", "1800-B");
        assertThat(text).as("no commitment, no salt").doesNotContain(first.get("commitment").asString(),
                second.get("commitment").asString(), second.get("salt").asString(), "commitment", "salt");

        postJson(ufone, "/api/v1/auctions/" + auction + "/stages/sealed/bids/withdrawal", Map.of(), 200);
        JsonNode withdrawn = of(submissions(auction, "sealed", ""), "ufone");
        assertThat(withdrawn.get("hasBid").booleanValue()).isFalse();
        assertThat(withdrawn.get("withdrawn").booleanValue()).isTrue();
        assertThat(withdrawn.get("latestVersion").intValue()).isEqualTo(3);
    }

    private void awaitOpen(String auction) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            String state = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/sealed")
                    .exchange().expectBody(String.class).returnResult().getResponseBody()).path("state").asString("");
            if (state.equals("OPEN")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the sealed stage did not open");
    }
}
