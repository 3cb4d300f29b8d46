package org.ngms.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An operator sees its own bidder's private data and nobody else's, on every route that shows bidders. */
class OperatorPrivacyTest extends IntegrationTestBase {

    private String auction;
    private WebTestClient jazz;
    private WebTestClient zong;
    private WebTestClient observer;

    @BeforeEach
    void anAuctionWithJazzAndZong() {
        String directive = Scenarios.uniqueId("PRIVACY");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-5g-2026", directive)).exchange().expectStatus().isCreated();
        auction = (String) web.post().uri("/api/v1/auctions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("directiveId", directive, "schedule", Map.of(
                        "applicationDeadline", "2026-02-27T12:00:00Z", "biddingOpens", "2026-03-10T05:00:00Z",
                        "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z"))))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        web.post().uri("/api/v1/auctions/" + auction + "/bidders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "jazz", "organisation", "PMCL", "newEntrant", false, "deposit", 15_000_001))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/auctions/" + auction + "/bidders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "zong", "organisation", "CMPak", "newEntrant", false, "deposit", 15_000_002))
                .exchange().expectStatus().isCreated();
        jazz = as(accountWithToken("OPERATOR", "jazz"));
        zong = as(accountWithToken("OPERATOR", "zong"));
        observer = as(accountWithToken("OBSERVER", null));
    }

    private List<Map<String, Object>> bidders(WebTestClient client) {
        return client.get().uri("/api/v1/auctions/" + auction + "/bidders").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    private String body(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void anOperatorSeesItsOwnDepositAndOnlyThePublicFactsOfOthers() {
        assertThat(bidders(jazz)).extracting(b -> b.get("id") + ":" + b.get("deposit"))
                .containsExactly("jazz:15000001", "zong:null");
        assertThat(bidders(zong)).extracting(b -> b.get("id") + ":" + b.get("deposit"))
                .containsExactly("jazz:null", "zong:15000002");
        assertThat(bidders(observer)).allSatisfy(b -> assertThat(b).containsOnlyKeys("id", "organisation",
                "newEntrant", "status", "registeredAt"));
        assertThat(bidders(anonymous)).allSatisfy(b -> assertThat(b).doesNotContainKeys("deposit", "holdings",
                "requestedDemand", "eligibilityPoints", "conditions"));
    }

    @Test
    void theAuctionViewHidesOtherBiddersPrivateDataToo() {
        String seenByZong = body(zong, "/api/v1/auctions/" + auction);
        assertThat(seenByZong).contains("15000002").doesNotContain("15000001");
        String seenByPublic = body(anonymous, "/api/v1/auctions/" + auction);
        assertThat(seenByPublic).doesNotContain("15000001").doesNotContain("15000002");
        assertThat(body(web, "/api/v1/auctions/" + auction)).contains("15000001", "15000002");
    }

    @Test
    void askingForAnotherBiddersRecordLooksExactlyLikeAskingForNoBidder() {
        jazz.get().uri("/api/v1/auctions/" + auction + "/bidders/jazz").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deposit").isEqualTo(15_000_001);

        String other = body(jazz, "/api/v1/auctions/" + auction + "/bidders/zong");
        String nobody = body(jazz, "/api/v1/auctions/" + auction + "/bidders/warid");
        assertThat(other.replace("zong", "X")).isEqualTo(nobody.replace("warid", "X"));
        assertThat(other).contains("\"status\":404").doesNotContain("CMPak").doesNotContain("15000002");
    }
}
