package org.ngms.auction.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Money;
import org.ngms.support.Scenarios;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cross-band condition settled after a clock stage in which the conditional product itself was sold: the bidder
 * short of the required spectrum loses that product's clock award alone, at its price; the rest of its award stands.
 */
class ClockOutcomeJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** AJK &amp; GB 2021 with P2 (1800 MHz) only for bidders that win at least 10 MHz of 2100 MHz (P3). */
    private static PolicyDirective conditional() {
        return SealedFixtures.directive(Scenarios.directiveYaml("ajkgb-ngms-2021").replaceFirst("(?m)^deposit:", """
                eligibilityConditions:
                  - id: p2-for-2100-winners
                    type: REQUIRES_WIN_IN_BANDS
                    categories: [P2]
                    requiredBands: ["2100"]
                    minMhz: "10"
                deposit:"""));
    }

    private static ClockOutcome.Award award(String bidder, Map<String, Integer> lots, Map<String, Long> prices) {
        long total = 0;
        for (var lot : lots.entrySet()) {
            total += lot.getValue() * prices.get(lot.getKey());
        }
        return new ClockOutcome.Award(bidder, new TreeMap<>(lots), new TreeMap<>(prices), total);
    }

    /** A sealed stage's result that left the P2-for-2100-winners condition pending for these bidders. */
    private static PreBidOutcome pending(String... bidders) {
        List<PreBidOutcome.PendingCondition> pending = new ArrayList<>();
        for (String bidder : bidders) {
            pending.add(new PreBidOutcome.PendingCondition(bidder, "p2-for-2100-winners", List.of("P2"),
                    List.of("2100"), "10"));
        }
        return new PreBidOutcome("sealed", PreBidOutcome.Status.ESCALATED, List.of(), List.of(), List.of(), pending,
                Map.of(), Money.ZERO);
    }

    @Test
    void clockWinsAreOnePerProductAndAddUpToTheAwardTotal() {
        ClockOutcome.Award jazz = award("jazz", Map.of("P2", 2, "P3", 1), Map.of("P2", 1_200_000L, "P3", 5_000_000L));
        ClockOutcome clock = new ClockOutcome("clock", 7, List.of(jazz), new TreeMap<>(),
                new TreeMap<>(Map.of("P2", 1_200_000L, "P3", 5_000_000L)), jazz.total(), 0, 0, Optional.empty(),
                List.of());

        List<Outcome.Win> wins = ClockOutcomeJson.clockWins(clock.awards());

        assertThat(wins).extracting(Outcome.Win::lots).containsExactly(Map.of("P2", 2), Map.of("P3", 1));
        assertThat(wins).extracting(Outcome.Win::price)
                .containsExactly(Money.of(2_400_000), Money.of(5_000_000));
        assertThat(wins.stream().map(Outcome.Win::price).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.of(jazz.total()));
    }

    @Test
    void aBidderShortOfTheRequiredBandLosesItsClockAwardOfTheConditionalProductOnly() {
        PolicyDirective d = conditional();
        Map<String, Long> prices = Map.of("P2", 1_200_000L, "P3", 5_000_000L);
        ClockOutcome.Award jazz = award("jazz", Map.of("P2", 2, "P3", 1), prices);
        ClockOutcome.Award zong = award("zong", Map.of("P2", 1, "P3", 2), prices);
        ClockOutcome clock = new ClockOutcome("clock", 7, List.of(jazz, zong), new TreeMap<>(),
                new TreeMap<>(prices), jazz.total() + zong.total(), 0, 0, Optional.empty(), List.of());

        List<ObjectNode> failed = new ArrayList<>();
        List<Outcome.Win> kept = ClockOutcomeJson.settlePendingConditions(d, List.of(pending("jazz", "zong")),
                ClockOutcomeJson.clockWins(clock.awards()), failed);

        assertThat(failed).as("jazz won 5 MHz of 2100 (one 2x5 block), zong 10").hasSize(1);
        assertThat(failed.get(0).get("bidder").asString()).isEqualTo("jazz");
        assertThat(failed.get(0).get("wonMhz").asString()).isEqualTo("5");
        Outcome outcome = Outcome.of(d, kept, Optional.empty());
        assertThat(outcome.winner("jazz").orElseThrow().lots()).isEqualTo(Map.of("P3", 1));
        assertThat(outcome.winner("jazz").orElseThrow().price()).isEqualTo(Money.of(5_000_000));
        assertThat(outcome.winner("zong").orElseThrow().lots()).isEqualTo(Map.of("P2", 1, "P3", 2));
        assertThat(outcome.winner("zong").orElseThrow().price()).isEqualTo(Money.of(11_200_000));
        assertThat(outcome.unsold().get("P2")).as("5 blocks, 1 sold to zong").isEqualTo(4);
    }
}
