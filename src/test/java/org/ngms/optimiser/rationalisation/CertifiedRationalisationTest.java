package org.ngms.optimiser.rationalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CertifiedRationalisationTest {

    private final CertifiedRationalisation certified = new CertifiedRationalisation();

    /**
     * The 1800 MHz band of six 5 MHz blocks, three operators of two blocks each, interleaved:
     * <pre>
     * block   0 1 2 3 4 5
     * before  A B A C B C
     * </pre>
     * Every operator contiguous means three runs of two, six orders; retuned blocks (new holder differs) by hand:
     * <pre>
     * A A B B C C   blocks 1 2 3 4      4
     * A A C C B B   blocks 1 2 5        3
     * B B A A C C   blocks 0 3 4        3
     * B B C C A A   blocks 0 2 4 5      4
     * C C A A B B   blocks 0 1 3 5      4
     * C C B B A A   blocks 0 1 2 3 4 5  6
     * </pre>
     * Two plans retune 3 blocks and both move all three operators; the tie rule (block by block from the bottom, A
     * before B before C, the order they first appear) keeps A A C C B B: 15 MHz retuned.
     */
    @Test
    void theInterleaved1800MhzBandBecomesContiguousWithThreeBlocksRetuned() {
        BandHoldings band = BandHoldings.parse("1800 MHz", 5_000, "A B A C B C");
        Rationalisation plan = certified.rationalise(band);
        assertThat(Bands.row(plan.after())).isEqualTo("A A C C B B");
        assertThat(plan.objective()).isEqualTo(new Objective(0, 3, 3));
        assertThat(plan.khzRetuned()).isEqualTo(15_000);
        assertThat(plan.provenOptimal()).isTrue();
        assertThat(plan.bound()).isEqualTo(plan.objective());
    }

    /**
     * A holds 4 blocks, the stretches either side of the guard hold 3: A must be split. B stays whole in either
     * stretch; each of its four places retunes 2 blocks and moves both operators (one block of B, one of A), so the
     * tie rule picks the plan that puts A lowest: A A A #guard A B B.
     */
    @Test
    void anOperatorLongerThanEveryStretchIsSplitAndTheTieRuleKeepsItLowest() {
        Rationalisation plan = certified.rationalise(BandHoldings.parse("2100", 5_000, "A B A #guard A B A"));
        assertThat(Bands.row(plan.after())).isEqualTo("A A A #guard A B B");
        assertThat(plan.objective()).isEqualTo(new Objective(1, 2, 2));
        assertThat(plan.provenOptimal()).isTrue();
    }

    /** Filling the vacancy with A's second block retunes one block; every other contiguous plan retunes two or more. */
    @Test
    void aVacantBlockIsFilledRatherThanMovingTwoOperators() {
        Rationalisation plan = certified.rationalise(BandHoldings.parse("900", 200, "A - B A"));
        assertThat(Bands.row(plan.after())).isEqualTo("A A B -");
        assertThat(plan.objective()).isEqualTo(new Objective(0, 1, 1));
    }

    @Test
    void aBandAlreadyContiguousIsLeftAsItIs() {
        BandHoldings band = BandHoldings.parse("2300", 10_000, "A A #guard B B B - C");
        Rationalisation plan = certified.rationalise(band);
        assertThat(plan.after()).isEqualTo(band.blocks());
        assertThat(plan.objective()).isEqualTo(new Objective(0, 0, 0));
        assertThat(plan.method()).isEqualTo("OptaPlanner, proven optimal by exhaustive search");
    }

    @Test
    void whenTheSearchStopsAtItsBudgetThePlanIsNotProvenAndTheBoundIsBelowIt() {
        BandHoldings band = BandHoldings.parse("2600", 5_000, "A B C D A B C D A B C D - A B C D");
        Rationalisation plan = new CertifiedRationalisation(10).rationalise(band);
        Rationalisation proven = certified.rationalise(band);
        assertThat(plan.provenOptimal()).isFalse();
        assertThat(plan.method()).contains("not proven", "budget of 10 nodes");
        assertThat(plan.bound().compareTo(proven.objective())).isLessThanOrEqualTo(0);
        assertThat(plan.objective().compareTo(proven.objective())).isGreaterThanOrEqualTo(0);
        assertThat(band.whyNotARearrangement(plan.after())).isEmpty();
    }

    @Test
    void everyPlanKeepsTheHoldingsAndTheFixedBlocksOfTheBand() {
        BandHoldings band = BandHoldings.parse("3500", 10_000, "#guard A B - A #link B C C A #guard");
        List<Holder> after = certified.rationalise(band).after();
        assertThat(band.whyNotARearrangement(after)).isEmpty();
        assertThat(after.get(0)).isEqualTo(Holder.fixed("guard"));
        assertThat(after.get(5)).isEqualTo(Holder.fixed("link"));
        assertThat(after.get(10)).isEqualTo(Holder.fixed("guard"));
    }
}
