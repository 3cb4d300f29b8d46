package org.ngms.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ngms.directive.InvalidScenarioException;
import org.ngms.directive.RunnableFormats;
import org.ngms.directive.ScenarioLoader;
import org.ngms.shared.Violation;
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
    void theDirectivesOf2016And2017AreRefusedForTheirSmraStageWhichTheServiceDoesNotRunYet() {
        // their sealed stages would escalate to an SMRA (assumed, as in 2014): accepting them would skip that stage
        for (String scenario : List.of("pk-850-2016", "pk-1800-2017")) {
            assertThatThrownBy(() -> replay(scenario)).isInstanceOfSatisfying(InvalidScenarioException.class,
                    e -> assertThat(e.violations()).extracting(Violation::path, Violation::rule)
                            .containsExactly(tuple("stages[1].type", RunnableFormats.FORMAT_NOT_RUNNABLE)));
        }
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
