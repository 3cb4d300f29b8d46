package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The observer's auction page in a real browser, on the 2026 auction played through the API as published: the open
 * round with its prices and deadline; round results, tables and charts arriving from the live feed without a reload;
 * the outcome with organisation names, the published figures and payment schedules; a cancelled auction with its
 * reason; round-1 exclusions with their condition; a clear error for a bad address. No console errors, reachable by
 * keyboard, usable at 390 px.
 */
class ObserverSiteBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    StageService stages;

    @Autowired
    ClockRounds rounds;

    private String auction2026(List<String> bidders) {
        String directive = Scenarios.uniqueId("PK-5G");
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation",
                bidders, 15_000_000);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), Instant.now()).block(WAIT);
        return auction;
    }

    /** Posts a bid set: {@code demand} lots per product at the clock price, or at {@code prices} where named. */
    private void bid(WebTestClient operator, String auction, String stage, int round, Map<String, Integer> demand,
                     Map<String, Long> prices) {
        List<Map<String, Object>> bids = new ArrayList<>();
        demand.forEach((product, quantity) -> {
            Map<String, Object> one = new java.util.HashMap<>(Map.of("product", product, "quantity", quantity));
            if (prices.containsKey(product)) {
                one.put("price", prices.get(product));
            }
            bids.add(one);
        });
        postJson(operator, "/api/v1/auctions/" + auction + "/stages/" + stage + "/rounds/" + round + "/bids",
                Map.of("bids", bids), 201);
    }

    private void close(String auction, String stage, int round) {
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of(stage), round, Instant.now()).block(WAIT);
    }

    /** The texts of a table's column, read in one go (the page may redraw the table between two reads). */
    @SuppressWarnings("unchecked")
    private List<String> column(String table, int column) {
        return (List<String>) js("return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
                + ".map(row => row.querySelectorAll('th, td')[arguments[1]].textContent)", table, column);
    }

    private String dataRounds(String chart) {
        return (String) js("const c = document.getElementById(arguments[0]); return c && c.dataset.rounds", chart);
    }

    /** The text of the element {@code id} as shown, read in one go. */
    private String text(String id) {
        return (String) js("return document.getElementById(arguments[0]).innerText.replace(/\\s+/g, ' ')", id);
    }

    @Test
    void theLiveAuctionUpdatesFromTheFeedAndEndsWithTheOutcomeAsPublished() {
        String auction = auction2026(List.of("jazz", "zong", "ufone"));
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        WebTestClient zong = as(accountWithToken("OPERATOR", "zong"));
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));

        open("/observer/auction.html?id=" + auction);
        textIn(By.id("live-heading"), "Round 1 of the allocation stage is open");
        textIn(By.id("countdown"), "left (closes ");
        assertThat(textIn(By.id("live-prices"), "2600").getText()).contains("12,500,000").contains("19");
        textIn(By.id("transcript-later"), "published when the auction has concluded or been cancelled");
        assertThat(browser.findElements(By.cssSelector("a[href$='/transcript']"))).as("no link that answers 403")
                .isEmpty();
        textIn(By.id("directive-lots"), "12,500,000");
        textIn(By.id("directive-conditions"), "must demand at least 5 lots of 2600 in round 1");
        js("window.ngmsSamePage = 'yes'");

        // round 1 as published: 2600 demand 30 of 19, 3500 demand 20 of 28
        bid(jazz, auction, "allocation", 1, Map.of("700", 2, "2300", 5, "2600", 12, "3500", 5), Map.of());
        bid(ufone, auction, "allocation", 1, Map.of("2600", 9, "3500", 10), Map.of());
        bid(zong, auction, "allocation", 1, Map.of("2600", 9, "3500", 5), Map.of());
        close(auction, "allocation", 1);

        textIn(By.id("live-heading"), "Round 2 of the allocation stage is open");
        textIn(By.id("live-prices"), "13,125,000");
        textIn(By.id("rounds-allocation-2600"), "30");
        waitUntil(d -> "1".equals(dataRounds("chart-price-allocation-2600")));
        assertThat(dataRounds("chart-demand-allocation-3500")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#chart-price-allocation-2600 canvas"))).isNotEmpty();
        assertThat(column("rounds-allocation-2600", 1)).containsExactly("19");
        assertThat(column("rounds-allocation-2600", 6)).as("excess demand 30 - 19").containsExactly("11");
        assertThat(column("rounds-allocation-3500", 6)).as("excess demand is never negative").containsExactly("0");
        assertThat(column("rounds-allocation-3500", 7)).as("lots nobody demands").containsExactly("8");
        assertThat(text("stages")).doesNotContain("-8").doesNotContain("−8");
        assertThat(js("return window.ngmsSamePage")).as("updated without a reload").isEqualTo("yes");
        screenshot("observer-auction-live");
        js("document.getElementById('chart-price-allocation-2600').scrollIntoView()");
        screenshot("observer-auction-live-charts");

        WebElement table = tabTo(By.xpath("//table[@id='rounds-allocation-2600']/parent::div"));
        assertThat(table.getAttribute("role")).isEqualTo("region");
        WebElement csv = tabTo(By.linkText("2600 (CSV)"));
        assertThat(csv.getAttribute("download")).isEqualTo("allocation-2600.csv");
        assertThat(tabTo(By.partialLinkText("all rounds (CSV")).getAttribute("href")).endsWith("/rounds.csv");
        assertFitsPhoneWidth("observer-auction-live");
        assertNoConsoleErrors("the live auction");

        // the regulator pauses round 2: the page says so from the feed, and resumes counting down after
        String round2 = "/api/v1/auctions/" + auction + "/stages/allocation/rounds/2/";
        web.post().uri(round2 + "pause").exchange().expectStatus().is2xxSuccessful();
        textIn(By.id("paused"), "The regulator has paused this round");
        textIn(By.id("countdown"), "paused by the regulator");
        textIn(By.id("live-heading"), "Round 2 of the allocation stage is paused");
        web.post().uri(round2 + "resume").exchange().expectStatus().is2xxSuccessful();
        textIn(By.id("countdown"), "left (closes ");
        assertThat(browser.findElements(By.id("paused"))).isEmpty();
        bid(jazz, auction, "allocation", 2, Map.of("700", 2, "2300", 5, "2600", 8, "3500", 5), Map.of());
        bid(ufone, auction, "allocation", 2, Map.of("2600", 6, "3500", 12), Map.of());
        bid(zong, auction, "allocation", 2, Map.of("2600", 6, "3500", 5), Map.of());
        close(auction, "allocation", 2);
        textIn(By.id("live-heading"), "Round 3");
        waitUntil(d -> "2".equals(dataRounds("chart-price-allocation-2600")));
        bid(jazz, auction, "allocation", 3, Map.of("700", 2, "2300", 5, "2600", 7, "3500", 5),
                Map.of("2600", 13_125_000L));
        bid(ufone, auction, "allocation", 3, Map.of("2600", 6, "3500", 12), Map.of());
        bid(zong, auction, "allocation", 3, Map.of("2600", 6, "3500", 5), Map.of());
        close(auction, "allocation", 3);
        textIn(By.id("final-prices-allocation"), "13,125,000");
        waitUntil(d -> "3".equals(dataRounds("chart-price-allocation-2600")));
        assertThat(column("rounds-allocation-2600", 4)).as("posted prices").containsExactly("12,500,000",
                "13,125,000", "13,125,000");

        // the assignment stage: each winner asks for a different position, so it ends after one round
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("assignment"), Instant.now()).block(WAIT);
        textIn(By.id("live-heading"), "Round 1 of the assignment stage is open");
        bid(jazz, auction, "assignment", 1, Map.of("2600.middle", 1, "3500.middle", 1), Map.of());
        bid(ufone, auction, "assignment", 1, Map.of("2600.top", 1, "3500.bottom", 1), Map.of());
        bid(zong, auction, "assignment", 1, Map.of("2600.bottom", 1, "3500.top", 1), Map.of());
        close(auction, "assignment", 1);

        textIn(By.id("revenue"), "USD 507,375,000");
        assertThat(js("return window.ngmsSamePage")).isEqualTo("yes");
        assertThat(column("winners", 0)).as("winners by organisation").containsExactly("JAZZ", "UFONE", "ZONG");
        assertThat(column("winners", 2).get(0)).contains("2600: 2560-2630").contains("3500: 3520-3570");
        assertThat(column("winners", 5)).containsExactly("239,375,000", "156,750,000", "111,250,000");
        assertThat(text("outcome-prices")).contains("2600 13,125,000");
        textIn(By.id("success"), "met");
        assertThat(text("outcome-unsold")).contains("2100 4");
        assertThat(textIn(By.id("outcome-section"), "paid in PKR").getText())
                .contains("NBP_TT_SELLING rate fixed on the business day before auction");
        assertThat(text("payments-jazz-1")).contains("USD 239,375,000")
                .contains("23,937,500");
        assertThat(browser.findElements(By.cssSelector("img[src$='/band-plans/2600/picture.svg']"))).hasSize(1);
        assertThat(text("no-live-round")).contains("outcome is published");
        assertNoConsoleErrors("the auction when its outcome arrives");

        // concluded: the transcript is public, and its link works
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CONCLUDED"), 200);
        open("/observer/auction.html?id=" + auction);
        WebElement transcript = visible(By.partialLinkText("transcript bundle"));
        assertThat(transcript.getAttribute("download")).isEqualTo("ngms-transcript.jsonl");
        anonymous.get().uri(transcript.getAttribute("href").replaceFirst("^http://[^/]+", "")).exchange()
                .expectStatus().isOk();
        textIn(By.id("verify"), "java -jar ngms-auction.jar verify ngms-transcript.jsonl");
        textIn(By.id("revenue"), "USD 507,375,000");
        js("document.querySelector('.app-band-plan').scrollIntoView()");
        waitUntil(d -> Boolean.TRUE.equals(js("const i = document.querySelector('.app-band-plan img');"
                + " return i.complete && i.naturalWidth > 0")));
        screenshot("observer-auction-band-plan");
        js("document.getElementById('outcome-heading').scrollIntoView()");
        screenshot("observer-auction-outcome");
        tabTo(By.partialLinkText("transcript bundle"));
        assertFitsPhoneWidth("observer-auction-outcome");
        assertNoConsoleErrors("the concluded auction");
    }

    @Test
    void aCancelledAuctionSaysWhyAndItsOpenStageSaysItStopped() {
        String auction = auction2026(List.of("jazz", "zong"));
        postJson(web, "/api/v1/auctions/" + auction + "/transitions", Map.of("to", "CANCELLED",
                "reason", "Stayed by order of the Islamabad High Court"), 200);

        open("/observer/auction.html?id=" + auction);
        textIn(By.id("cancelled"), "Stayed by order of the Islamabad High Court");
        textIn(By.id("state"), "CANCELLED");
        String stage = textIn(By.id("stage-allocation"), "CANCELLED").getText();
        assertThat(stage).contains("stopped when the auction was cancelled").doesNotContain("\nOPEN");
        assertThat(browser.findElements(By.id("live-round"))).as("no live round").isEmpty();
        textIn(By.id("no-live-round"), "cancelled");
        visible(By.partialLinkText("transcript bundle"));
        assertNoConsoleErrors("a cancelled auction");
    }

    @Test
    void aRoundOneExclusionIsShownWithItsConditionAndTheUnsoldLotsSayWhy() {
        String auction = auction2026(List.of("jazz", "zong"));
        bid(as(accountWithToken("OPERATOR", "jazz")), auction, "allocation", 1, Map.of("2600", 3, "3500", 5),
                Map.of());
        bid(as(accountWithToken("OPERATOR", "zong")), auction, "allocation", 1, Map.of("2600", 5, "3500", 5),
                Map.of());
        close(auction, "allocation", 1);

        String rounds = anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/allocation/rounds").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(rounds).as("the round's exclusion is public, who it excluded is not yet")
                .contains("\"exclusions\":[{\"condition\":\"incumbent-minimum-2600\","
                        + "\"consequence\":\"EXCLUDE_AND_FORFEIT_DEPOSIT\"}]").doesNotContain("jazz");

        open("/observer/auction.html?id=" + auction);
        textIn(By.id("round-exclusions-allocation"), "Round 1: a bidder broke condition incumbent-minimum-2600");
        String excluded = textIn(By.id("exclusions"), "JAZZ").getText();
        assertThat(excluded).contains("incumbent-minimum-2600").contains("must demand at least 5 lots of 2600")
                .contains("exclude and forfeit deposit");
        assertThat(textIn(By.id("stage-allocation"), "Why lots are unsold").getText())
                .contains("1 bidder was excluded").contains("NOT met");
        assertNoConsoleErrors("an auction with an exclusion");
    }

    @Test
    void anSmraStageShowsTheOpenRoundsAmountsAndEachLicenceRoundByRound() throws InterruptedException {
        String directive = Scenarios.uniqueId("PK-SMRA");
        String yaml = Scenarios.smraOnlyDirective(directive);
        web.post().uri("/api/v1/directives").contentType(org.springframework.http.MediaType.parseMediaType(
                "application/yaml")).bodyValue(yaml).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("smra", now.plusSeconds(1).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 44_250_000L, "requestedDemand", Map.of("2100-10", 1)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("smra"), Instant.now()).block(WAIT);

        open("/observer/auction.html?id=" + auction);
        textIn(By.id("live-heading"), "Round 1 of the smra stage is open");
        textIn(By.id("live-prices"), "2100-10-1");
        assertThat(text("live-prices")).contains("295,000,000");
        String bids = "/api/v1/auctions/" + auction + "/stages/smra/rounds/1/bids";
        postJson(as(accountWithToken("OPERATOR", "jazz")), bids, Map.of("bids", List.of(Map.of("licence",
                "2100-10-1", "amount", 295_000_000L))), 201);
        close(auction, "smra", 1);

        textIn(By.id("live-heading"), "Round 2 of the smra stage is open");
        textIn(By.id("rounds-smra-2100-10-1"), "295,000,000");
        assertThat(text("rounds-smra-2100-10-1")).contains("STANDING").doesNotContain("jazz")
                .doesNotContain("JAZZ");
        waitUntil(d -> "1".equals(dataRounds("chart-smra-smra")));
        textIn(By.id("activity-smra"), "1");
        assertNoConsoleErrors("an SMRA stage");
    }

    @Test
    void aMissingMalformedOrUnknownIdGetsAClearMessage() {
        open("/observer/auction.html");
        assertThat(textIn(By.tagName("h1"), "No auction given").getText()).isEqualTo("No auction given");
        textIn(By.cssSelector(".govuk-error-summary"), "?id=");
        assertNoConsoleErrors("no id");

        open("/observer/auction.html?id=nonsense");
        textIn(By.tagName("h1"), "That is not an auction id");
        textIn(By.cssSelector(".govuk-error-summary"), "\"nonsense\" is not an auction id");
        assertNoConsoleErrors("a malformed id");

        String unknown = UUID.randomUUID().toString();
        open("/observer/auction.html?id=" + unknown);
        textIn(By.tagName("h1"), "There is no such auction");
        textIn(By.cssSelector(".govuk-error-summary"), "auction " + unknown + " does not exist");
        visible(By.linkText("See all auctions"));
        assertThat(consoleErrors()).as("only the 404 of the unknown auction")
                .allSatisfy(e -> assertThat(e).contains(unknown).contains("404"));
    }
}
