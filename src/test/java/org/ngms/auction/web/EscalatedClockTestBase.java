package org.ngms.auction.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.app.StageService;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests that start from the AJK &amp; GB 2021 auction with its sealed stage closed: product 1 escalated to the clock
 * with Jazz and Zong demanding 2 blocks each (the clock's starting demand), and round 1 of the clock open.
 */
abstract class EscalatedClockTestBase extends IntegrationTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    StageService stages;

    /** An auction in its clock stage, with clients for its two operators. */
    record Running(UUID id, WebTestClient jazz, WebTestClient zong) {
        String uri(String path) {
            return "/api/v1/auctions/" + id + path;
        }
    }

    /** The auction with its sealed stage closed and evaluated (P1 escalated) and round 1 of the clock open. */
    Running escalatedToTheClock() throws InterruptedException {
        Running r = sealedBidsIn();
        stages.close(AuctionId.of(r.id()), StageId.of("sealed"), Instant.now()).block(WAIT);
        stages.openWindow(AuctionId.of(r.id()), StageId.of("clock"), Instant.now()).block(WAIT);
        return r;
    }

    /** The auction with its sealed stage open and both bids in (Jazz and Zong, 2 blocks of P1 each). */
    Running sealedBidsIn() throws InterruptedException {
        String directive = Scenarios.uniqueId("AJKGB");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("ajkgb-ngms-2021", directive)).exchange().expectStatus().isCreated();
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
        Running r = new Running(UUID.fromString(auction), as(accountWithToken("OPERATOR", "jazz")),
                as(accountWithToken("OPERATOR", "zong")));
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(r.id()), StageId.of("sealed"), Instant.now()).block(WAIT);
        postJson(r.jazz(), r.uri("/stages/sealed/bids"), Map.of("demand", Map.of("P1", 2)), 201);
        postJson(r.zong(), r.uri("/stages/sealed/bids"), Map.of("demand", Map.of("P1", 2)), 201);
        return r;
    }

    JsonNode get(WebTestClient client, String uri) {
        return JSON.readTree(client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }
}
