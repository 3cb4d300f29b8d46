package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.StageService;
import org.ngms.shared.AuctionId;
import org.ngms.shared.StageId;
import org.ngms.support.BrowserTestBase;
import org.ngms.support.Scenarios;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operator's bidding screen in a real browser, on the 2026 auction: an incumbent's round-1 bid below the
 * directive's minimum shows its penalty (exclusion and a forfeited deposit) before anything is submitted; the
 * corrected bid gets a receipt whose signature the page verifies; an intra-round bid is checked as typed; the
 * bidder's own history fills in as rounds close, without a reload.
 */
class OperatorBiddingBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds rounds;

    @Test
    void anIncumbentIsWarnedOfTheRoundOnePenaltyThenBidsGetsAVerifiedReceiptAndBidsIntraRound() throws Exception {
        String directive = Scenarios.uniqueId("OPERATOR");
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation",
                List.of("jazz", "zong", "ufone"), 15_000_000);
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), Instant.now()).block(WAIT);
        String jazzToken = accountWithToken("OPERATOR", "jazz");
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));

        open("/operator/?auction=" + auction);
        type(By.id("token"), jazzToken);
        click(By.id("signin-button"));
        textIn(By.id("who"), "bidding for jazz");
        textIn(By.id("open-round-allocation"), "Round 1 is open");
        textIn(By.id("round-countdown-allocation"), "left");
        String table = textOf(By.id("bid-table-allocation"));
        assertThat(table).contains("2600").contains("12,500,000").contains("19");

        // round 1: only 2 lots of 2600 — an incumbent must ask for at least 5 (2026 rule)
        demand("2600", "2");
        demand("3500", "5");
        click(By.id("review-bids-allocation"));
        textIn(By.id("bid-warnings"), "forfeit your deposit");
        String warning = textOf(By.id("bid-warnings"));
        assertThat(warning).contains("incumbent-minimum-2600");
        screenshot("operator-round1-warning");
        click(By.id("submit-bids"));
        textIn(By.id("receipt-allocation"), "Tick the box");
        assertThat(mineSubmissions(auction, jazzToken, 1)).isZero();

        // corrected: the published round-1 bid set
        demand("700", "2");
        demand("2300", "5");
        demand("2600", "12");
        click(By.id("review-bids-allocation"));
        textIn(By.id("review-allocation"), "Review");
        assertThat(textOf(By.id("review-allocation"))).doesNotContain("forfeit")
                .contains("Eligibility next round");
        submitReviewed();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        textIn(By.id("my-submissions"), "2600: 12 at 12,500,000");
        click(By.xpath("//div[@id='receipt-allocation']//button[text()='Verify signature']"));
        textIn(By.id("receipt-allocation"), "Signature valid");
        screenshot("operator-receipt");
        assertThat(mineSubmissions(auction, jazzToken, 1)).isEqualTo(1);

        bid(zong, auction, 1, Map.of("2600", 9, "3500", 5));
        bid(ufone, auction, 1, Map.of("2600", 9, "3500", 10));
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), 1, Instant.now()).block(WAIT);

        // the feed brings round 2 without a reload; the history shows round 1's processed demand
        textIn(By.id("open-round-allocation"), "Round 2 is open");
        textIn(By.id("my-history"), "2600: 12");
        demand("2600", "8");
        click(By.id("review-bids-allocation"));
        submitReviewed();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        bid(zong, auction, 2, Map.of("2600", 6, "3500", 5));
        bid(ufone, auction, 2, Map.of("2600", 6, "3500", 12));
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), 2, Instant.now()).block(WAIT);

        // round 3: an intra-round bid, checked as typed against the range and the bid multiple
        textIn(By.id("open-round-allocation"), "Round 3 is open");
        demand("2600", "7");
        type(By.id("p-allocation-2600"), "13125500");
        textIn(By.id("check-allocation-2600"), "multiples of 1,000");
        type(By.id("p-allocation-2600"), "14000000");
        textIn(By.id("check-allocation-2600"), "between 13,125,000 and 13,750,000");
        type(By.id("p-allocation-2600"), "13125000");
        textIn(By.id("check-allocation-2600"), "price 13,125,000 to 13,750,000");
        click(By.id("review-bids-allocation"));
        submitReviewed();
        textIn(By.id("my-submissions"), "2600: 7 at 13,125,000");
        screenshot("operator-intra-round");
        tabTo(By.id("review-bids-allocation"));
        assertFitsPhoneWidth("operator-bidding");
        assertNoConsoleErrors("/operator/");
    }

    @Test
    void aTokenThatIsNotAnOperatorsIsRefusedWithAReason() {
        open("/operator/");
        type(By.id("token"), "ngms_not-a-real-token-000000000000000000000000");
        click(By.id("signin-button"));
        textIn(By.id("messages"), "You are not signed in");
        assertThat(browser.findElement(By.id("session")).isDisplayed()).isFalse();
        consoleErrors(); // the refused whoami is a 401 the console reports; nothing else may be
    }

    /** Submits the reviewed bid set, confirming first where the page shows the directive's warnings. */
    private void submitReviewed() {
        textIn(By.id("review-allocation"), "Review");
        if (!browser.findElements(By.id("confirm-warnings")).isEmpty()) {
            click(By.cssSelector("label[for=confirm-warnings]"));
        }
        click(By.id("submit-bids"));
    }

    private void demand(String product, String blocks) {
        type(By.id("q-allocation-" + product), blocks);
    }

    private void bid(WebTestClient operator, String auction, int round, Map<String, Integer> demand) {
        List<Map<String, Object>> bids = demand.entrySet().stream()
                .map(e -> Map.<String, Object>of("product", e.getKey(), "quantity", e.getValue())).toList();
        postJson(operator, "/api/v1/auctions/" + auction + "/stages/allocation/rounds/" + round + "/bids",
                Map.of("bids", bids), 201);
    }

    private int mineSubmissions(String auction, String token, int round) {
        return postJsonFree(as(token).get().uri("/api/v1/auctions/" + auction + "/stages/allocation/rounds/" + round
                + "/mine")).get("submissions").size();
    }

    private tools.jackson.databind.JsonNode postJsonFree(WebTestClient.RequestHeadersSpec<?> request) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.exchange().expectStatus()
                .isOk().expectBody(String.class).returnResult().getResponseBody());
    }
}
