package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.ngms.support.BrowserTestBase;
import org.ngms.support.Scenarios;
import org.ngms.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The regulator console in a real browser, through the console only (an operator's bid aside, which comes through
 * the API with the token the console issued): sign in; an invalid directive's errors at their paths; the 2026
 * directive registered with its hash; an auction with its schedule; three incumbents registered and qualified; an
 * operator token shown once; bidding opened; the open round paused, resumed and extended; who has bid; a second
 * auction cancelled with its reason. Receipts shown, no console errors, keyboard reachable, fits 390 px.
 */
class RegulatorConsoleBrowserTest extends BrowserTestBase {

    private static final String RECEIPT = "Signed receipt";

    @Test
    void theRegulatorRunsAnAuctionFromTheConsole() throws Exception {
        open("/regulator/");
        screenshot("regulator-console-signin");
        tabTo(By.id("signin-button"));
        type(By.id("token"), TestDatabase.REGULATOR_TOKEN);
        click(By.id("signin-button"));
        textIn(By.id("whoami"), "REGULATOR");

        // an invalid directive: every error at its path, with its rule; nothing registered
        String directiveId = Scenarios.uniqueId("PK-5G");
        String valid = Scenarios.directiveYaml("pk-5g-2026", directiveId);
        Path invalid = temp("invalid", valid.replace("firstRoundMinutes: 60", "firstRoundMinutes: 0")
                .replace("amount: 15000000 ", "amount: -1 "));
        visible(By.id("directive-file")).sendKeys(invalid.toString());
        WebElement errors = textIn(By.cssSelector("#directive-result .govuk-error-summary"), "stages[0]");
        assertThat(errors.getText()).contains("The directive is not valid", "stages[0].firstRoundMinutes");
        screenshot("regulator-console-directive-errors");

        // the 2026 directive: registered, its hash shown and listed
        visible(By.id("directive-file")).sendKeys(temp("directive", valid).toString());
        String sha256 = textIn(By.id("directive-result"), "Directive registered").findElement(By.id("registered-sha256"))
                .getText();
        assertThat(sha256).matches("[0-9a-f]{64}");
        textIn(By.id("directives-table"), directiveId);
        assertThat(browser.findElement(By.id("directives-table")).getText()).contains(sha256);
        screenshot("regulator-console-directive-registered");
        assertFitsPhoneWidth("regulator-console-home");

        // an auction whose first stage opens a few seconds from now (the fields are UTC)
        String first = createAuction(directiveId, "Console auction");
        click(By.id("created-auction"));
        textIn(By.id("auction-title"), "Console auction");
        textIn(By.id("next-step"), "register the applicants");

        // a decimal deposit is refused in the page, at its path, before anything is sent
        type(By.id("bidder-id"), "jazz");
        type(By.id("bidder-organisation"), "Jazz");
        type(By.id("bidder-deposit"), "15000000.5");
        click(By.id("register-bidder"));
        textIn(By.cssSelector("#bidder-result .govuk-error-summary"), "deposit");
        for (String bidder : new String[] {"jazz", "zong", "ufone"}) {
            type(By.id("bidder-id"), bidder);
            type(By.id("bidder-organisation"), bidder.toUpperCase() + " Ltd");
            type(By.id("bidder-deposit"), "15000000");
            click(By.id("register-bidder"));
            textIn(By.id("bidder-result"), "Applicant " + bidder + " registered");
            assertThat(browser.findElement(By.id("bidder-result")).getText()).contains(RECEIPT);
            textIn(By.id("bidders-table"), bidder.toUpperCase() + " Ltd");
        }

        // jazz's operator account and a token, shown once
        String account = Scenarios.uniqueId("jazz-desk");
        select(By.id("account-bidder"), "jazz");
        type(By.id("account-id"), account);
        click(By.id("create-account"));
        textIn(By.id("account-result"), "Operator account " + account + " created");
        select(By.id("token-account"), account);
        click(By.id("issue-token"));
        String operatorToken = visible(By.id("issued-token")).getDomProperty("value");
        assertThat(operatorToken).startsWith("ngms_");
        assertThat(browser.findElement(By.id("token-issued")).getText()).contains("shown once", "not shown again");
        textIn(By.id("tokens-table"), account);
        screenshot("regulator-console-token");
        browser.navigate().refresh();
        textIn(By.id("tokens-table"), "bidding desk");
        assertThat(browser.getPageSource()).as("the token is gone after a reload").doesNotContain(operatorToken);
        assertThat((String) js("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"))
                .doesNotContain(operatorToken);

        // qualification, then bidding
        click(By.id("to-qualification"));
        textIn(By.id("transition-result"), "Auction moved to QUALIFICATION");
        assertThat(browser.findElement(By.id("transition-result")).getText()).contains(RECEIPT);
        textIn(By.id("next-step"), "qualify or disqualify");
        for (String bidder : new String[] {"jazz", "zong", "ufone"}) {
            click(By.id("qualify-" + bidder));
            textIn(By.id("bidder-result"), "Bidder " + bidder + " qualified");
            assertThat(browser.findElement(By.id("bidder-result")).getText()).contains(RECEIPT);
        }
        screenshot("regulator-console-bidders");
        click(By.id("to-bidding"));
        textIn(By.id("transition-result"), "Auction moved to BIDDING");

        // the open round: pause, resume, extend
        textIn(By.id("open-round"), "round 1");
        textIn(By.id("round-countdown"), "left");
        click(By.id("pause-round"));
        textIn(By.id("round-result"), "Round 1 paused");
        assertThat(browser.findElement(By.id("round-result")).getText()).contains(RECEIPT);
        textIn(By.id("round-countdown"), "paused by the regulator");
        textIn(By.id("next-step"), "paused");
        click(By.id("resume-round"));
        textIn(By.id("round-result"), "Round 1 resumed");
        assertThat(textOf(By.id("round-result"))).contains(RECEIPT);
        visible(By.id("pause-round")); // the controls of the running round are drawn again once it has resumed
        String later = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace("Z", "");
        js("arguments[0].value = arguments[1]", visible(By.id("round-deadline")), later);
        click(By.id("extend-round"));
        textIn(By.id("round-result"), "Round 1 extended");
        assertThat(browser.findElement(By.id("round-result")).getText()).contains(RECEIPT);
        textIn(By.id("round-countdown"), later.replace("T", " "));
        assertThat(browser.findElement(By.id("increment-rule")).getText()).contains("directive sets");

        // who has bid, never what: jazz bids through the API with the token the console issued
        textIn(By.id("submissions-table"), "not yet");
        HttpResponse<String> bid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        url("/api/v1/auctions/" + first + "/stages/allocation/rounds/1/bids")))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bids\":[{\"product\":\"2600\",\"quantity\":6},"
                        + "{\"product\":\"3500\",\"quantity\":5}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bid.statusCode()).as(bid.body()).isEqualTo(201);
        waitUntil(d -> rowOf("submissions-table", "jazz").contains("yes"));
        assertThat(rowOf("submissions-table", "zong")).contains("not yet");
        assertThat(browser.findElement(By.id("submissions-table")).getText()).doesNotContain("2600", "3500");
        screenshot("regulator-console-round");
        tabTo(By.id("pause-round"));
        assertFitsPhoneWidth("regulator-console-auction");
        assertNoConsoleErrors("/regulator/?auction=" + first);

        // a second auction, cancelled with a reason (without one, the page refuses before sending)
        open("/regulator/");
        String second = createAuction(directiveId, "Auction to cancel");
        click(By.id("created-auction"));
        textIn(By.id("auction-title"), "Auction to cancel");
        click(By.id("cancel-auction"));
        textIn(By.cssSelector("#transition-result .govuk-error-summary"), "reason");
        type(By.id("cancel-reason"), "The directive was withdrawn by the Ministry");
        click(By.id("cancel-auction"));
        textIn(By.id("transition-result"), "Auction moved to CANCELLED");
        assertThat(browser.findElement(By.id("transition-result")).getText()).contains(RECEIPT);
        textIn(By.id("auction-state"), "CANCELLED");
        textIn(By.id("history-table"), "The directive was withdrawn by the Ministry");
        textIn(By.id("next-step"), "Cancelled");
        screenshot("regulator-console-cancelled");
        tabTo(By.id("cancel-auction"));
        assertThat(second).isNotEqualTo(first);
        assertNoConsoleErrors("/regulator/?auction=" + second);

        click(By.id("signout"));
        visible(By.id("signin-button"));
        assertThat((String) js("return JSON.stringify(sessionStorage)")).doesNotContain(TestDatabase.REGULATOR_TOKEN);
    }

    /** Fills the home page's form for {@code directiveId}; returns the new auction's id. */
    private String createAuction(String directiveId, String title) {
        waitUntil(d -> !d.findElements(By.cssSelector("#auction-directive option[value='" + directiveId + "@1']"))
                .isEmpty());
        select(By.id("auction-directive"), directiveId + "@1");
        visible(By.cssSelector("#stage-openings[data-directive='" + directiveId + "@1'] #opening-allocation"));
        type(By.id("auction-title"), title);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        setDate("application-deadline", now);
        setDate("bidding-opens", now.plusSeconds(2));
        setDate("opening-allocation", now.plusSeconds(2));
        click(By.id("create-auction"));
        textIn(By.id("create-result"), "Auction created");
        assertThat(browser.findElement(By.id("create-result")).getText()).contains(RECEIPT);
        screenshot("regulator-console-auction-created");
        String href = browser.findElement(By.id("created-auction")).getDomAttribute("href");
        return href.substring(href.indexOf("auction=") + "auction=".length());
    }

    private void setDate(String id, Instant at) {
        js("arguments[0].value = arguments[1]", visible(By.id(id)), at.toString().replace("Z", ""));
    }

    private String rowOf(String table, String bidder) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(bidder)).findFirst().orElse("");
    }

    private static Path temp(String name, String text) throws IOException {
        Path file = Files.createTempFile("ngms-" + name, ".yaml");
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        return file;
    }
}
