package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class AuctionApiTest extends IntegrationTestBase {

    private String directiveId;

    @BeforeEach
    void registerThe2026Directive() {
        directiveId = Scenarios.uniqueId("PK-5G");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-5g-2026", directiveId))
                .exchange().expectStatus().isCreated();
    }

    private static Map<String, Object> schedule() {
        return Map.of(
                "applicationDeadline", "2026-02-27T12:00:00Z",
                "biddingOpens", "2026-03-10T05:00:00Z",
                "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z", "assignment", "2026-03-12T05:00:00Z"));
    }

    private ResponseSpec post(String uri, Object body) {
        return web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String createAuction() {
        return post("/api/v1/auctions", Map.of("directiveId", directiveId, "schedule", schedule()))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private static Map<String, Object> incumbent(String id, Map<String, Object> holdings) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("organisation", id.toUpperCase() + " Ltd");
        body.put("newEntrant", false);
        body.put("deposit", 15_000_000);
        body.put("holdings", holdings);
        return body;
    }

    private ResponseSpec transition(String auction, String to, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return post("/api/v1/auctions/" + auction + "/transitions", body);
    }

    @Test
    void anAuctionStartsInDraftWithOneLotPerBlockOfTheDirective() {
        String auction = createAuction();

        web.get().uri("/api/v1/auctions/" + auction).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("DRAFT")
                .jsonPath("$.directive.id").isEqualTo(directiveId)
                .jsonPath("$.directive.version").isEqualTo(1)
                .jsonPath("$.lots.length()").isEqualTo(62)
                .jsonPath("$.lots[0].id").isEqualTo("700-01")
                .jsonPath("$.lots[0].reserve").isEqualTo(32_500_000)
                .jsonPath("$.lots[?(@.category == '2600')].id").value(ids -> assertThat((List<String>) ids).hasSize(19)
                        .startsWith("2600-01").endsWith("2600-19"))
                .jsonPath("$.transitions[0].to").isEqualTo("DRAFT")
                .jsonPath("$.schedule.stageOpenings.allocation").isEqualTo("2026-03-10T05:00:00Z");
    }

    @Test
    void aScheduleOutOfOrderIsRejectedWithTheRule() {
        post("/api/v1/auctions", Map.of("directiveId", directiveId, "schedule", Map.of(
                "applicationDeadline", "2026-03-11T00:00:00Z",
                "biddingOpens", "2026-03-10T05:00:00Z",
                "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("schedule-out-of-order");
        post("/api/v1/auctions", Map.of("directiveId", directiveId, "schedule", Map.of(
                "applicationDeadline", "2026-02-27T12:00:00Z",
                "biddingOpens", "2026-03-10T05:00:00Z",
                "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z", "sealed", "2026-03-11T05:00:00Z"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("unknown-stage");
    }

    @Test
    void missingAndUnknownFieldsAreNamed() {
        post("/api/v1/auctions", Map.of("schedule", Map.of("biddingOpens", "2026-03-10T05:00:00Z")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[*].path").value(paths -> assertThat(
                        (List<String>) paths).containsExactly("directiveId", "schedule.applicationDeadline",
                        "schedule.stageOpenings"));
        post("/api/v1/auctions", Map.of("directiveId", directiveId, "schedule", schedule(), "colour", "blue"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].rule").isEqualTo("UNKNOWN_FIELD")
                .jsonPath("$.errors[0].path").isEqualTo("colour");
        post("/api/v1/auctions", Map.of("directiveId", directiveId, "schedule", Map.of(
                "applicationDeadline", "yesterday", "biddingOpens", "2026-03-10T05:00:00Z", "stageOpenings", Map.of())))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].path").isEqualTo("schedule.applicationDeadline");
    }

    @Test
    void anUnknownDirectiveOrAuctionIsNamed() {
        post("/api/v1/auctions", Map.of("directiveId", "NO-SUCH", "schedule", schedule()))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("unknown-directive");
        web.get().uri("/api/v1/auctions/00000000-0000-0000-0000-000000000000").exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/auctions/not-a-uuid").exchange().expectStatus().isBadRequest();
    }

    @Test
    void the2026IncumbentsQualifyWithEveryLotsPointsAndTheFirstRoundMinimumsInForce() {
        String auction = createAuction();
        post("/api/v1/auctions/" + auction + "/bidders", incumbent("jazz", Map.of("900", 15, "1800", "30.4")))
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/auctions/" + auction + "/bidders/jazz")
                .expectBody().jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.holdings.1800").isEqualTo("30.4");
        transition(auction, "QUALIFICATION", null).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("QUALIFICATION");

        // 3x33 + 3x17 + 4x70 + 5x10 + 19x13 + 28x7 points of the 2026 directive
        post("/api/v1/auctions/" + auction + "/bidders/jazz/qualification", Map.of())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("QUALIFIED")
                .jsonPath("$.eligibilityPoints").isEqualTo(99 + 51 + 280 + 50 + 247 + 196)
                .jsonPath("$.conditions.length()").isEqualTo(2)
                .jsonPath("$.conditions[0].conditionId").isEqualTo("incumbent-minimum-2600")
                .jsonPath("$.conditions[0].status").isEqualTo("IN_FORCE");
    }

    @Test
    void aDepositBelowTheDirectivesRuleDoesNotQualify() {
        String auction = createAuction();
        Map<String, Object> poor = incumbent("zong", Map.of());
        poor.put("deposit", 14_999_999);
        post("/api/v1/auctions/" + auction + "/bidders", poor).expectStatus().isCreated();
        transition(auction, "QUALIFICATION", null).expectStatus().isOk();

        post("/api/v1/auctions/" + auction + "/bidders/zong/qualification", Map.of())
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("deposit-below-required");
        web.get().uri("/api/v1/auctions/" + auction + "/bidders/zong").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("REGISTERED");
    }

    @Test
    void requestedDemandOverACapIsRefusedAtRegistration() {
        String auction = createAuction();
        Map<String, Object> greedy = incumbent("ufone", Map.of());
        greedy.put("requestedDemand", Map.of("2600", 15));

        post("/api/v1/auctions/" + auction + "/bidders", greedy)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("spectrum-cap")
                .jsonPath("$.detail").isEqualTo(
                        "requested demand brings holdings to 150 MHz, above cap 2600 of 140 MHz");
        web.get().uri("/api/v1/auctions/" + auction + "/bidders").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void holdingsAboveACapAreRefused() {
        String auction = createAuction();
        post("/api/v1/auctions/" + auction + "/bidders", incumbent("jazz", Map.of("700", 20, "900", 40)))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("cap-below-holdings");
    }

    @Test
    void aBidderIdIsRegisteredOnce() {
        String auction = createAuction();
        post("/api/v1/auctions/" + auction + "/bidders", incumbent("jazz", Map.of())).expectStatus().isCreated();
        post("/api/v1/auctions/" + auction + "/bidders", incumbent("jazz", Map.of()))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("duplicate-bidder");
    }

    @Test
    void badBidderFieldsAreListedTogether() {
        String auction = createAuction();
        Map<String, Object> bad = new HashMap<>();
        bad.put("id", "Jazz!");
        bad.put("deposit", -1);
        bad.put("holdings", Map.of("1800", "1.2345"));
        post("/api/v1/auctions/" + auction + "/bidders", bad)
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[*].path").value(paths -> assertThat(
                        (List<String>) paths).containsExactlyInAnyOrder("id", "organisation", "newEntrant",
                        "deposit", "holdings.1800"));
    }

    @Test
    void theLifecycleGuardsEveryTransition() {
        String auction = createAuction();
        transition(auction, "BIDDING", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("illegal-transition");
        post("/api/v1/auctions/" + auction + "/bidders", incumbent("jazz", Map.of())).expectStatus().isCreated();
        post("/api/v1/auctions/" + auction + "/bidders/jazz/qualification", Map.of())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qualification-not-open");

        transition(auction, "QUALIFICATION", null).expectStatus().isOk();
        transition(auction, "BIDDING", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("undecided-bidders");
        post("/api/v1/auctions/" + auction + "/bidders/jazz/disqualification", Map.of("reason", "late deposit"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISQUALIFIED");
        transition(auction, "BIDDING", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("no-qualified-bidders");

        post("/api/v1/auctions/" + auction + "/bidders", incumbent("zong", Map.of())).expectStatus().isCreated();
        post("/api/v1/auctions/" + auction + "/bidders/zong/qualification", Map.of()).expectStatus().isOk();
        transition(auction, "BIDDING", null).expectStatus().isOk();
        post("/api/v1/auctions/" + auction + "/bidders", incumbent("ufone", Map.of()))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("registration-closed");
        transition(auction, "CONCLUDED", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("outcome-not-ready");
        transition(auction, "CANCELLED", " ").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("reason-required");
        transition(auction, "CANCELLED", "court order").expectStatus().isOk();
        transition(auction, "QUALIFICATION", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(
                        (String) d).contains("CANCELLED is final"));

        web.get().uri("/api/v1/auctions/" + auction).exchange()
                .expectBody()
                .jsonPath("$.transitions[*].to").value(states -> assertThat(
                        (List<String>) states).containsExactly("DRAFT", "QUALIFICATION", "BIDDING", "CANCELLED"))
                .jsonPath("$.transitions[3].reason").isEqualTo("court order");
    }

    @Test
    void anUnknownTargetStateIsABadRequestNamingTheField() {
        String auction = createAuction();
        transition(auction, "FINISHED", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].path").isEqualTo("to");
    }
}
