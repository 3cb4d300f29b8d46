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
import org.springframework.http.MediaType;

/**
 * The operator's screen in the other formats: a sealed bid at reserve (AJK & GB 2021) submitted, replaced and
 * withdrawn, each version with its commitment and receipt and never its content in the list; an SMRA round (the
 * 2014 licences) with a refused action named at its rule, an accepted action set with its receipt, and the bidder's
 * own result once the round closes.
 */
class OperatorSealedAndSmraBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @org.springframework.beans.factory.annotation.Autowired
    StageService stages;

    @org.springframework.beans.factory.annotation.Autowired
    ClockRounds rounds;

    @Test
    void aSealedBidIsSubmittedReplacedAndWithdrawnEachWithItsCommitmentAndReceipt() throws Exception {
        String directive = Scenarios.uniqueId("AJKGB");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("ajkgb-ngms-2021", directive)).exchange().expectStatus()
                .isCreated();
        Instant now = Instant.now();
        Instant opens = now.plusSeconds(1);
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", opens.toString(),
                "stageOpenings", Map.of("sealed", opens.toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(600).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation",
                    b.toUpperCase(), "newEntrant", false, "deposit", 870_000, "requestedDemand", Map.of("P1", 2)),
                    201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        String jazz = accountWithToken("OPERATOR", "jazz");
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("sealed"), Instant.now()).block(WAIT);

        open("/operator/?auction=" + auction);
        type(By.id("token"), jazz);
        click(By.id("signin-button"));
        textIn(By.id("stage-sealed"), "Sealed bids are open");
        textIn(By.id("no-sealed-bid"), "no bid");
        type(By.id("d-sealed-P1"), "x");
        click(By.id("submit-sealed-sealed"));
        textIn(By.id("sealed-receipt-sealed"), "P1: a whole number of blocks");

        type(By.id("d-sealed-P1"), "2");
        click(By.id("submit-sealed-sealed"));
        textIn(By.id("sealed-receipt-sealed"), "Sealed bid submitted");
        String commitment = textOf(By.id("sealed-commitment"));
        assertThat(commitment).matches("[0-9a-f]{64}");
        textIn(By.id("sealed-receipt-sealed"), "Signed receipt");
        textIn(By.id("my-sealed-versions"), commitment);
        screenshot("operator-sealed-bid");

        type(By.id("d-sealed-P1"), "1");
        click(By.id("submit-sealed-sealed"));
        textIn(By.id("sealed-receipt-sealed"), "Version 2");
        click(By.id("withdraw-sealed-sealed"));
        textIn(By.id("sealed-receipt-sealed"), "Sealed bid withdrawn");
        waitUntil(d -> textOf(By.id("my-sealed-versions")).lines().filter(l -> l.startsWith("3")).anyMatch(
                l -> l.endsWith("yes")));
        assertThat(textOf(By.id("my-sealed-versions"))).doesNotContain("P1");
        assertFitsPhoneWidth("operator-sealed");
        assertNoConsoleErrors("/operator/ (sealed)");
    }

    @Test
    void anSmraActionSetIsCheckedAtSubmissionReceiptedAndItsResultShownWhenTheRoundCloses() throws Exception {
        String directive = Scenarios.uniqueId("PK-SMRA");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.smraOnlyDirective(directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("smra", now.plusSeconds(1).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation",
                    b.toUpperCase(), "newEntrant", false, "deposit", 44_250_000L, "requestedDemand",
                    Map.of("2100-10", 1)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        String jazz = accountWithToken("OPERATOR", "jazz");
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("smra"), Instant.now()).block(WAIT);

        open("/operator/?auction=" + auction);
        type(By.id("token"), jazz);
        click(By.id("signin-button"));
        textIn(By.id("stage-smra"), "Round 1 is open");
        textIn(By.id("smra-licences"), "295,000,000");

        // the 850 licence is for new entrants only: refused, naming the rule and the bid
        select(By.id("smra-850"), "291000000");
        click(By.id("submit-smra"));
        textIn(By.id("smra-receipt"), "NEW_ENTRANTS_ONLY");
        assertThat(textOf(By.id("smra-receipt"))).contains("bids[0]");
        expectConsoleErrors("status of 422");

        select(By.id("smra-850"), "");
        select(By.id("smra-2100-10-2"), "295000000");
        click(By.id("submit-smra"));
        textIn(By.id("smra-receipt"), "Actions submitted");
        textIn(By.id("smra-receipt"), "Signed receipt");
        screenshot("operator-smra");

        postJson(as(accountWithToken("OPERATOR", "zong")), "/api/v1/auctions/" + auction
                + "/stages/smra/rounds/1/bids", Map.of("bids", List.of(Map.of("licence", "2100-10-1",
                "amount", 295_000_000L))), 201);
        rounds.close(AuctionId.of(UUID.fromString(auction)), StageId.of("smra"), 1, Instant.now()).block(WAIT);
        textIn(By.id("stage-smra"), "Round 2 is open");
        textIn(By.id("my-smra-history"), "2100-10-2 295,000,000");
        assertFitsPhoneWidth("operator-smra");
        assertNoConsoleErrors("/operator/ (SMRA)");
    }
}
