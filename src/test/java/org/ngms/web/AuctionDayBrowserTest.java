package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.ngms.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An auction day through the three screens, each in its own browser tab as it would be on its own desk: the
 * regulator registers the 2026 directive, creates the auction, registers and qualifies the three bidders, issues two
 * operators' tokens and opens bidding, all in the console; Jazz and Zong bid through their bidding screens (Jazz is
 * warned of the round-1 penalty before it submits, then exits one lot of 2600 with an intra-round bid in round 3);
 * an observer watches each round close, the tables and charts updating without a reload; the outcome shows the
 * published figures. Ufone bids through the API, as an operator's own system would. Rounds close as their deadlines
 * would close them (the 2026 rounds last an hour): through the round service.
 */
class AuctionDayBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RECEIPT = "Signed receipt";

    @Autowired
    ClockRounds rounds;

    @Autowired
    StageService stages;

    private String regulatorTab;
    private String observerTab;
    private String jazzTab;
    private String zongTab;

    @Test
    void aMockAuctionRunsFromTheDirectiveToThePublishedOutcomeThroughTheScreens() throws Exception {
        // --- the regulator's console
        regulatorTab = browser.getWindowHandle();
        open("/regulator/");
        type(By.id("token"), TestDatabase.REGULATOR_TOKEN);
        click(By.id("signin-button"));
        textIn(By.id("whoami"), "REGULATOR");
        String directiveId = Scenarios.uniqueId("PK-5G-2026-MOCK");
        visible(By.id("directive-file")).sendKeys(temp(Scenarios.directiveYaml("pk-5g-2026", directiveId)).toString());
        textIn(By.id("directive-result"), "Directive registered");
        screenshot("walkthrough-1-directive");
        String auction = createAuction(directiveId);
        click(By.id("created-auction"));
        textIn(By.id("auction-title"), "5G mock auction");
        Map<String, String> organisations = Map.of("jazz", "Pakistan Mobile Communications Ltd (Jazz)",
                "zong", "China Mobile Pakistan Ltd (Zong)", "ufone", "Pak Telecom Mobile Ltd (Ufone)");
        for (String bidder : List.of("jazz", "zong", "ufone")) {
            type(By.id("bidder-id"), bidder);
            type(By.id("bidder-organisation"), organisations.get(bidder));
            type(By.id("bidder-deposit"), "15000000");
            click(By.id("register-bidder"));
            textIn(By.id("bidder-result"), "Applicant " + bidder + " registered");
        }
        String jazzToken = operatorToken("jazz");
        String zongToken = operatorToken("zong");
        click(By.id("to-qualification"));
        textIn(By.id("transition-result"), "Auction moved to QUALIFICATION");
        for (String bidder : List.of("jazz", "zong", "ufone")) {
            click(By.id("qualify-" + bidder));
            textIn(By.id("bidder-result"), "Bidder " + bidder + " qualified");
            assertThat(textOf(By.id("bidder-result"))).contains(RECEIPT);
        }
        click(By.id("to-bidding"));
        textIn(By.id("transition-result"), "Auction moved to BIDDING");
        textIn(By.id("open-round"), "round 1");
        screenshot("walkthrough-2-console-round");
        WebTestClient ufone = as(accountWithToken("OPERATOR", "ufone"));

        // --- the observer's site
        observerTab = newTab("/observer/auction.html?id=" + auction);
        textIn(By.id("live-heading"), "Round 1 of the allocation stage is open");
        js("window.ngmsNotReloaded = true");

        // --- Jazz: warned before a round-1 bid that forfeits its deposit, then the published bid set
        jazzTab = newTab("/operator/?auction=" + auction);
        signInAsOperator(jazzToken, "jazz");
        demand("2600", "2");
        demand("3500", "5");
        click(By.id("review-bids-allocation"));
        textIn(By.id("bid-warnings"), "You would be excluded and forfeit your deposit");
        screenshot("walkthrough-3-operator-warning");
        demand("700", "2");
        demand("2300", "5");
        demand("2600", "12");
        submit();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        click(By.xpath("//div[@id='receipt-allocation']//button[text()='Verify signature']"));
        textIn(By.id("receipt-allocation"), "Signature valid");
        screenshot("walkthrough-4-operator-receipt");

        // --- Zong, on its own desk
        zongTab = newTab("/operator/?auction=" + auction);
        signInAsOperator(zongToken, "zong");
        demand("2600", "9");
        demand("3500", "5");
        submit();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        bid(ufone, auction, 1, Map.of("2600", 9, "3500", 10), Map.of());

        // the regulator sees who has bid, never what
        browser.switchTo().window(regulatorTab);
        waitUntil(d -> textOf(By.id("submissions-table")).contains("jazz"));
        assertThat(textOf(By.id("submissions-table"))).doesNotContain("2600");

        // round 1 closes: the observer's tables and charts update in place
        close(auction, 1);
        browser.switchTo().window(observerTab);
        textIn(By.id("live-heading"), "Round 2 of the allocation stage is open");
        textIn(By.id("rounds-allocation-2600"), "30");
        waitUntil(d -> "1".equals(js("return document.getElementById('chart-price-allocation-2600').dataset.rounds")));
        screenshot("walkthrough-5-observer-live");

        // round 2
        browser.switchTo().window(jazzTab);
        textIn(By.id("open-round-allocation"), "Round 2 is open");
        demand("2600", "8");
        submit();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        browser.switchTo().window(zongTab);
        textIn(By.id("open-round-allocation"), "Round 2 is open");
        demand("2600", "6");
        submit();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        bid(ufone, auction, 2, Map.of("2600", 6, "3500", 12), Map.of());
        close(auction, 2);

        // round 3: Jazz exits one lot of 2600 at the start-of-round price, an intra-round bid
        browser.switchTo().window(jazzTab);
        textIn(By.id("open-round-allocation"), "Round 3 is open");
        demand("2600", "7");
        type(By.id("p-allocation-2600"), "13125000");
        submit();
        textIn(By.id("my-submissions"), "2600: 7 at 13,125,000");
        screenshot("walkthrough-6-operator-intra-round");
        browser.switchTo().window(zongTab);
        textIn(By.id("open-round-allocation"), "Round 3 is open");
        submit();
        textIn(By.id("receipt-allocation"), "Bids submitted");
        bid(ufone, auction, 3, Map.of("2600", 6, "3500", 12), Map.of());
        close(auction, 3);

        // the assignment stage: each winner asks for a different position, so it ends after one round
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("assignment"), Instant.now()).block(WAIT);
        browser.switchTo().window(observerTab);
        textIn(By.id("live-heading"), "Round 1 of the assignment stage is open");
        bid(as(jazzToken), auction, "assignment", 1, Map.of("2600.middle", 1, "3500.middle", 1));
        bid(ufone, auction, "assignment", 1, Map.of("2600.top", 1, "3500.bottom", 1));
        bid(as(zongToken), auction, "assignment", 1, Map.of("2600.bottom", 1, "3500.top", 1));
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of("assignment"), 1, Instant.now()).block(WAIT);

        // the published figures, by organisation name, on the page the observer never reloaded
        textIn(By.id("revenue"), "USD 507,375,000");
        String outcome = textOf(By.id("outcome"));
        assertThat(outcome).contains("Pakistan Mobile Communications Ltd (Jazz)").contains("239,375,000")
                .contains("156,750,000").contains("111,250,000");
        assertThat(js("return window.ngmsNotReloaded")).isEqualTo(true);
        js("document.getElementById('outcome').scrollIntoView()");
        screenshot("walkthrough-7-observer-outcome");
        assertNoConsoleErrors("the three screens");
    }

    private String createAuction(String directiveId) {
        waitUntil(d -> !d.findElements(By.cssSelector("#auction-directive option[value='" + directiveId + "@1']"))
                .isEmpty());
        select(By.id("auction-directive"), directiveId + "@1");
        visible(By.cssSelector("#stage-openings[data-directive='" + directiveId + "@1'] #opening-allocation"));
        type(By.id("auction-title"), "5G mock auction");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        setDate("application-deadline", now);
        setDate("bidding-opens", now.plusSeconds(2));
        setDate("opening-allocation", now.plusSeconds(2));
        click(By.id("create-auction"));
        textIn(By.id("create-result"), "Auction created");
        String href = browser.findElement(By.id("created-auction")).getDomAttribute("href");
        return href.substring(href.indexOf("auction=") + "auction=".length());
    }

    /** Creates {@code bidder}'s operator account in the console and returns the token it shows once. */
    private String operatorToken(String bidder) {
        String account = Scenarios.uniqueId(bidder + "-desk");
        select(By.id("account-bidder"), bidder);
        type(By.id("account-id"), account);
        click(By.id("create-account"));
        textIn(By.id("account-result"), "Operator account " + account + " created");
        select(By.id("token-account"), account);
        click(By.id("issue-token"));
        textIn(By.id("token-issued"), "shown once");
        String token = visible(By.id("issued-token")).getDomProperty("value");
        assertThat(token).startsWith("ngms_");
        return token;
    }

    private String newTab(String path) {
        browser.switchTo().newWindow(WindowType.TAB);
        open(path);
        return browser.getWindowHandle();
    }

    private void signInAsOperator(String token, String bidder) {
        type(By.id("token"), token);
        click(By.id("signin-button"));
        textIn(By.id("who"), "bidding for " + bidder);
        textIn(By.id("open-round-allocation"), "Round 1 is open");
    }

    private void demand(String product, String blocks) {
        type(By.id("q-allocation-" + product), blocks);
    }

    /** Reviews the bid set, confirms the directive's warnings where there are any, and submits it. */
    private void submit() {
        click(By.id("review-bids-allocation"));
        textIn(By.id("review-allocation"), "Review");
        if (!browser.findElements(By.id("confirm-warnings")).isEmpty()) {
            assertThat(textOf(By.id("bid-warnings"))).doesNotContain("forfeit");
            click(By.cssSelector("label[for=confirm-warnings]"));
        }
        click(By.id("submit-bids"));
    }

    private void close(String auction, int round) {
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), round, Instant.now())
                .block(WAIT);
    }

    private void bid(WebTestClient operator, String auction, int round, Map<String, Integer> demand,
                     Map<String, Long> prices) {
        bid(operator, auction, "allocation", round, demand);
    }

    private void bid(WebTestClient operator, String auction, String stage, int round, Map<String, Integer> demand) {
        List<Map<String, Object>> bids = demand.entrySet().stream()
                .map(e -> Map.<String, Object>of("product", e.getKey(), "quantity", e.getValue())).toList();
        postJson(operator, "/api/v1/auctions/" + auction + "/stages/" + stage + "/rounds/" + round + "/bids",
                Map.of("bids", bids), 201);
    }

    private void setDate(String id, Instant at) {
        js("arguments[0].value = arguments[1]", visible(By.id(id)), at.toString().replace("Z", ""));
    }

    private static Path temp(String text) throws IOException {
        Path file = Files.createTempFile("ngms-directive", ".yaml");
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        return file;
    }
}
