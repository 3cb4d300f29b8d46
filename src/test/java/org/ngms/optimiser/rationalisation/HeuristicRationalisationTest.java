package org.ngms.optimiser.rationalisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeuristicRationalisationTest {

    private final HeuristicRationalisation heuristic = new HeuristicRationalisation();

    @Test
    void optaPlannerAloneFindsTheContiguousPlanOfTheInterleaved1800MhzBand() {
        Rationalisation plan = heuristic.rationalise(BandHoldings.parse("1800 MHz", 5_000, "A B A C B C"));
        assertThat(plan.objective()).isEqualTo(new Objective(0, 3, 3));
        assertThat(plan.provenOptimal()).as("OptaPlanner proves nothing beyond the trivial bound").isFalse();
        assertThat(plan.method()).isEqualTo("OptaPlanner");
    }

    @Test
    void theSameBandGivesTheSamePlanAndEveryPlanKeepsTheHoldings() {
        for (long seed = 1; seed <= 40; seed++) {
            BandHoldings band = Bands.random(seed, 10, 30, 2, 6);
            Rationalisation first = heuristic.rationalise(band);
            assertThat(heuristic.rationalise(band)).as("again, %s", band).isEqualTo(first);
            assertThat(band.whyNotARearrangement(first.after())).as("%s", band).isEmpty();
            assertThat(first.objective().compareTo(Objective.of(band, band.blocks())))
                    .as("never worse than the band as it is, %s", band).isLessThanOrEqualTo(0);
        }
    }
}
