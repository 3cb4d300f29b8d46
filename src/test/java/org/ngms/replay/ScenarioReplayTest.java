package org.ngms.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ngms.directive.ScenarioLoader;
import org.ngms.directive.ScenarioOutcome;
import org.ngms.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The real Pakistani auctions, replayed through the real stages on PostgreSQL, come out as published: every winner's
 * lots and total price, the unsold lots and the revenue equal the scenario's outcome.yaml.
 */
class ScenarioReplayTest extends IntegrationTestBase {

    @Autowired
    ApplicationContext context;

    private JsonNode replay(String scenario) {
        return new ScenarioReplay(context).run(Path.of("scenarios", scenario));
    }

    private static void matchesThePublishedOutcome(String scenario, JsonNode summary) {
        ScenarioOutcome published = ScenarioLoader.load(Path.of("scenarios", scenario)).outcome();
        assertThat(summary.get("mismatches")).as("differences from the published outcome").isEmpty();
        assertThat(summary.get("matchesPublished").asBoolean()).isTrue();
        assertThat(summary.path("allocationRevenue").asLong(summary.get("revenue").longValue()))
                .isEqualTo(published.revenue().amount());
        for (ScenarioOutcome.Award award : published.awards()) {
            JsonNode won = summary.get("bidders").get(award.bidder());
            assertThat(won).as(award.bidder() + " wins").isNotNull();
            assertThat(won.path("allocationPrice").asLong(won.get("price").longValue())).as(award.bidder() + " pays")
                    .isEqualTo(award.price().amount());
            award.lots().forEach((category, blocks) -> assertThat(won.get("lots").get(category).intValue())
                    .as(award.bidder() + " wins " + category).isEqualTo(blocks));
        }
        assertThat(summary.get("bidders").size()).isEqualTo(published.awards().size());
        published.unsold().forEach((category, blocks) -> assertThat(summary.get("unsold").get(category).intValue())
                .as("unsold " + category).isEqualTo(blocks));
    }

    @Test
    void pakistan2021UfoneAloneWinsNineMhzIn1800For279Million() {
        JsonNode summary = replay("pk-ngms-2021");

        matchesThePublishedOutcome("pk-ngms-2021", summary);
        assertThat(summary.get("bidders").get("ufone").get("price").longValue()).isEqualTo(279_000_000L);
        assertThat(summary.get("mhzSold").asString()).isEqualTo("9");
    }

    @Test
    void ajkAndGb2021AwardsProductsTwoAndThreeAtReserveAndZongWinsTheClockAfterEighteenRounds() {
        JsonNode summary = replay("ajkgb-ngms-2021");

        matchesThePublishedOutcome("ajkgb-ngms-2021", summary);
        JsonNode sealed = summary.get("stages").get(0);
        assertThat(sealed.get("result").get("status").asString()).isEqualTo("ESCALATED");
        JsonNode clock = summary.get("stages").get(1);
        assertThat(clock.get("rounds")).hasSize(18);
        assertThat(clock.get("result").get("finalPrices").get("P1").longValue()).isEqualTo(7_199_000L);
    }

    @Test
    void pakistan2014ZongWins2100And1800MobilinkTelenorAndUfone2100AfterSevenSmraRoundsAndUfoneLoses1800() {
        JsonNode summary = replay("pk-3g4g-2014");

        matchesThePublishedOutcome("pk-3g4g-2014", summary);
        assertThat(summary.get("revenue").longValue()).isEqualTo(1_112_820_000L);
        JsonNode sealed = summary.get("stages").get(0);
        assertThat(sealed.get("result").get("status").asString()).isEqualTo("ESCALATED");
        JsonNode smra = summary.get("stages").get(1);
        assertThat(smra.get("type").asString()).isEqualTo("SMRA");
        assertThat(smra.get("rounds")).hasSize(7);
        assertThat(smra.get("result").get("awards")).extracting(a -> a.get("licence").asString() + " "
                + a.get("bidder").asString() + " " + a.get("price").longValue())
                .containsExactly("2100-10-1 zong 306920000", "2100-10-2 mobilink 300900000",
                        "2100-5-1 telenor 147500000", "2100-5-2 ufone 147500000");
        // waivers only in rounds 5 to 7
        for (JsonNode round : smra.get("rounds")) {
            boolean waived = false;
            for (JsonNode b : round.get("bidders")) {
                waived |= !b.get("waiver").asString().equals("NONE");
            }
            assertThat(waived).as("a waiver in round " + round.get("round")).isEqualTo(round.get("round").intValue() >= 5);
        }
        // Ufone won only 2x5 MHz in 2100, so its 1800 award at reserve falls away and the block goes unsold
        JsonNode failed = summary.get("conditionsFailed").get(0);
        assertThat(failed.get("bidder").asString()).isEqualTo("ufone");
        assertThat(failed.get("wonMhz").asString()).isEqualTo("5");
        assertThat(summary.get("bidders").get("ufone").get("lots").has("1800")).isFalse();
    }

    @Test
    void the850MhzAwardOf2016AndThe1800MhzAwardOf2017AreSingleApplicantsAtReserve() {
        JsonNode y2016 = replay("pk-850-2016");
        matchesThePublishedOutcome("pk-850-2016", y2016);
        assertThat(y2016.get("stages")).as("the sealed stage decides; the SMRA never opens").hasSize(1);
        JsonNode y2017 = replay("pk-1800-2017");
        matchesThePublishedOutcome("pk-1800-2017", y2017);
        assertThat(y2017.get("stages")).hasSize(1);
    }

    @Test
    void pakistan5g2026SellsFourHundredEightyMhzFor507MillionInThreeRounds() {
        JsonNode summary = replay("pk-5g-2026");

        matchesThePublishedOutcome("pk-5g-2026", summary);
        assertThat(summary.get("stages").get(0).get("rounds")).hasSize(3);
        assertThat(summary.get("mhzSold").asString()).isEqualTo("480");
    }

    @Test
    void pakistan5g2026AssignsContiguousFrequenciesIn2600And3500ForThreeMillionMoreZongPaying2220000() {
        JsonNode summary = replay("pk-5g-2026");

        JsonNode assignment = summary.get("stages").get(1);
        assertThat(assignment.get("type").asString()).isEqualTo("ASSIGNMENT");
        assertThat(assignment.get("rounds")).hasSize(5);
        assertThat(summary.get("assignmentRevenue").longValue()).isEqualTo(3_000_000L);
        assertThat(summary.get("revenue").longValue()).isEqualTo(510_375_000L);
        JsonNode zong = summary.get("bidders").get("zong");
        assertThat(zong.get("assignmentPrice").longValue()).isEqualTo(2_220_000L);
        assertThat(zong.get("price").longValue()).isEqualTo(113_470_000L);
        assertThat(zong.get("frequencies")).extracting(f -> f.get("category").asString() + " "
                + f.get("position").asString() + " " + f.get("range").asString())
                .containsExactly("3500 top 3570-3620", "2600 bottom 2500-2560");
        assertThat(summary.get("bidders").get("jazz").get("frequencies"))
                .extracting(f -> f.get("range").asString()).containsExactly("3520-3570", "2560-2630");
        assertThat(summary.get("bidders").get("ufone").get("assignmentPrice").longValue()).isEqualTo(780_000L);
    }
}
