package org.ngms.optimiser.rationalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExhaustiveRationalisationTest {

    private final ExhaustiveRationalisation exhaustive = new ExhaustiveRationalisation();

    @Test
    void equalsBruteForceOnSeededRandomSmallBandsIncludingTheTieRule() {
        for (long seed = 1; seed <= 600; seed++) {
            BandHoldings band = Bands.random(seed, 10, 4);
            Bands.Best expected = Bands.bruteForce(band);
            Rationalisation actual = exhaustive.rationalise(band);
            assertThat(actual.provenOptimal()).as("proven: %s", band).isTrue();
            assertThat(Bands.row(actual.after())).as("plan of %s", band).isEqualTo(Bands.row(expected.plan()));
            assertThat(actual.nonContiguous()).isEqualTo(expected.split());
            assertThat(actual.blocksRetuned()).isEqualTo(expected.retuned());
            assertThat(actual.operatorsMoved()).isEqualTo(expected.moved());
        }
    }

    /**
     * Measured: the 200 bands in about a second together, none over 5 million nodes (on 3,000 seeds the most was 4
     * million, 85 ms). Nodes, not time, so the test does not depend on the machine.
     */
    @Test
    void provesBandsOfThirtyBlocksAndSixOperators() {
        for (long seed = 1; seed <= 200; seed++) {
            BandHoldings band = Bands.random(seed, 30, 30, 6, 6);
            Rationalisation actual = exhaustive.rationalise(band);
            assertThat(actual.provenOptimal()).as("proven: %s", band).isTrue();
            assertThat(actual.nodesSearched()).as("nodes: %s", band).isLessThan(5_000_000);
            assertThat(actual.method()).isEqualTo("exhaustive search");
        }
    }

    @Test
    void aSearchStoppedAtItsBudgetKeepsABoundNoPlanBeats() {
        for (long seed = 1; seed <= 50; seed++) {
            BandHoldings band = Bands.random(seed, 20, 30, 4, 6);
            Rationalisation stopped = new ExhaustiveRationalisation(200).rationalise(band);
            Rationalisation proven = exhaustive.rationalise(band);
            assertThat(stopped.bound().compareTo(proven.objective())).as("bound of %s", band).isLessThanOrEqualTo(0);
            assertThat(stopped.objective().compareTo(proven.objective())).isGreaterThanOrEqualTo(0);
            assertThat(band.whyNotARearrangement(stopped.after())).isEmpty();
            if (!stopped.provenOptimal()) {
                assertThat(stopped.method()).isEqualTo("exhaustive search (stopped at its budget of 200 nodes)");
            }
        }
    }

    @Test
    void aBandOfFixedBlocksOnlyIsItsOwnPlan() {
        BandHoldings band = BandHoldings.parse("guard", 100, "#guard #guard");
        Rationalisation plan = exhaustive.rationalise(band);
        assertThat(plan.after()).isEqualTo(List.of(Holder.fixed("guard"), Holder.fixed("guard")));
        assertThat(plan.provenOptimal()).isTrue();
    }
}
