package org.ngms.auction.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.outcome.Outcome.Win;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

class OutcomeTest {

    @Test
    void the2026OutcomeOfJazzIsMetAgainstTheFiftyPercentSuccessCriterion() {
        Scenario s = SealedFixtures.scenario("pk-5g-2026");
        PolicyDirective d = s.policy();
        List<Win> wins = s.outcome().awards().stream()
                .map(a -> new Win(a.bidder(), a.lots(), List.of(), a.price())).toList();
        Outcome o = Outcome.of(d, wins, Optional.empty());
        assertThat(o.mhzOffered()).isEqualTo(Mhz.parse("597.2"));
        assertThat(o.mhzSold()).isEqualTo(Mhz.parse("480"));
        assertThat(o.success().orElseThrow().met()).isTrue();
        assertThat(o.unsold()).isEqualTo(s.outcome().unsold());
        assertThat(o.winner("jazz").orElseThrow().payment().options()).hasSize(2);
        assertThat(o.winner("jazz").orElseThrow().price()).isEqualTo(Money.of(239_375_000));
    }

    @Test
    void selling100MhzOf597Point2FailsTheSuccessCriterion() {
        PolicyDirective d = SealedFixtures.directiveOf("pk-5g-2026");
        Outcome o = Outcome.of(d, List.of(new Win("jazz", Map.of("3500", 10), List.of(), Money.of(65_000_000))),
                Optional.empty());
        assertThat(o.success().orElseThrow().met()).isFalse();
    }

    @Test
    void winsOfOneBidderAcrossStagesAddUp() {
        PolicyDirective d = SealedFixtures.directiveOf("ajkgb-ngms-2021");
        Outcome o = Outcome.of(d, List.of(
                new Win("zong", Map.of("P2", 1), List.of(), Money.of(1_044_000)),
                new Win("zong", Map.of("P1", 2), List.of(), Money.of(14_398_000)),
                new Win("telenor", Map.of("P2", 1, "P3", 3), List.of("P3-B1", "P3-B2", "P3-B3"),
                        Money.of(14_094_000)),
                new Win("ufone", Map.of("P2", 1), List.of(), Money.of(1_044_000))), Optional.empty());
        assertThat(o.winner("zong").orElseThrow().price()).isEqualTo(Money.of(15_442_000));
        assertThat(o.revenue()).isEqualTo(Money.of(30_580_000));
        assertThat(o.unsold()).isEqualTo(Map.of("P2", 2, "P3", 3));
        assertThat(o.unsoldLots()).containsExactly("P3-B4", "P3-B5", "P3-B6");
        assertThat(o.success()).isEmpty();
    }
}
