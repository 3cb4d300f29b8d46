package org.ngms.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.optimiser.Instances.bid;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules of winner determination, run against every implementation (brute force and the real solver). */
abstract class WinnerDeterminationContract {

    abstract WinnerDetermination solver();

    Allocation solve(Instance instance) {
        return solver().solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(20));
    }

    @Test
    void aBidderWinsAtMostOneOfItsBids() {
        Instance instance = Instances.of().category("A", 2, 0)
                .bidder("x", bid("x1", 5, "A", 1), bid("x2", 6, "A", 1))
                .build();
        Allocation a = solve(instance);
        assertThat(a.winners()).containsExactly(new Winner("x", "x2"));
        assertThat(a.value()).isEqualTo(6);
    }

    @Test
    void theBlocksWonOfACategoryNeverExceedItsSupply() {
        Instance instance = Instances.of().category("A", 1, 0).category("B", 1, 0)
                .bidder("x", bid("x1", 2, "A", 1))
                .bidder("y", bid("y1", 2, "B", 1))
                .bidder("z", bid("z1", 3, "A", 1, "B", 1))
                .build();
        Allocation a = solve(instance);
        assertThat(a.value()).isEqualTo(4);
        assertThat(a.winners()).containsExactly(new Winner("x", "x1"), new Winner("y", "y1"));
        assertThat(a.provenOptimal()).isTrue();
        assertThat(a.upperBound()).isEqualTo(4);
    }

    @Test
    void aPackageThatBreaksABiddersOwnCapCannotWin() {
        Cap own = Cap.of(1, "A");
        Instance instance = Instances.of().category("A", 3, 0)
                .bidder("x", List.of(own), bid("x1", 5, "A", 1))
                .bidder("y", bid("y1", 4, "A", 2))
                .build();
        assertThat(solve(instance).value()).isEqualTo(9);
    }

    @Test
    void weightedCapsCountSpectrumNotBlocks() {
        Cap mhz = new Cap(List.of("A", "B"), Map.of("A", 50L, "B", 100L), 200);
        Instance instance = Instances.of().category("A", 4, 0).category("B", 4, 0).cap(mhz)
                .bidder("x", bid("x1", 10, "A", 2, "B", 1), bid("x2", 7, "A", 4))
                .build();
        Allocation a = solve(instance);
        assertThat(a.winners()).containsExactly(new Winner("x", "x1"));
    }

    @Test
    void anInstanceWithoutBidsHasNoWinnersAndValueZero() {
        Instance instance = Instances.of().category("A", 1, 0).bidder("x").build();
        Allocation a = solve(instance);
        assertThat(a.value()).isZero();
        assertThat(a.winners()).isEmpty();
        assertThat(a.provenOptimal()).isTrue();
    }

    @Test
    void amongEqualOptimaTheSeedChoosesTheAllocationWithTheGreatestSumOfTieNumbers() {
        Instance instance = Instances.of().category("A", 1, 0)
                .bidder("x", bid("x1", 5, "A", 1))
                .bidder("y", bid("y1", 5, "A", 1))
                .build();
        for (String seed : List.of("00", "01", "02", "03", "aa", "ff")) {
            TieBreak tie = TieBreak.ofHex(seed);
            String expected = tie.tieNumber("x1") > tie.tieNumber("y1") ? "x1" : "y1";
            Allocation a = solver().solve(instance, tie, Duration.ofSeconds(20));
            assertThat(a.winners()).extracting(Winner::bid).containsExactly(expected);
            assertThat(a.tieBreakComplete()).isTrue();
        }
    }
}
