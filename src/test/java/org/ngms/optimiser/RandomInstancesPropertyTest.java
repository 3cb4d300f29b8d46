package org.ngms.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ngms.optimiser.exact.CpSatSolver;
import org.ngms.optimiser.wdp.WdpResultWriter;

/**
 * On thousands of seeded random small instances the exact solver equals brute force (value and, by the seeded tie
 * rule, the winners), never breaks XOR, supply or a cap, and gives the same bytes twice.
 */
class RandomInstancesPropertyTest {

    private static final int INSTANCES = 5_000;

    private final WinnerDetermination oracle = new BruteForceSolver();
    private final WinnerDetermination exact = new CpSatSolver(1);

    @Test
    void theExactSolverEqualsBruteForceNeverBreaksARuleAndIsDeterministic() {
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Instance instance = Instances.random(seed);
            TieBreak tie = TieBreak.ofHex(String.format("%08x", seed));
            Allocation expected = oracle.solve(instance, tie, Duration.ofSeconds(10));
            Allocation actual = exact.solve(instance, tie, Duration.ofSeconds(10));
            assertThat(actual.value()).as("value of instance %d", seed).isEqualTo(expected.value());
            assertThat(actual.provenOptimal()).as("proven, instance %d", seed).isTrue();
            assertThat(actual.winners()).as("winners of instance %d", seed).isEqualTo(expected.winners());
            assertThat(Feasibility.brokenRules(instance, actual.winners())).as("rules, instance %d", seed).isEmpty();
            assertThat(Feasibility.value(instance, actual.winners())).isEqualTo(actual.value());
            if (seed % 20 == 0) {
                Allocation again = exact.solve(instance, tie, Duration.ofSeconds(10));
                assertThat(WdpResultWriter.write(again.withSeconds(0)))
                        .isEqualTo(WdpResultWriter.write(actual.withSeconds(0)));
            }
        }
    }
}
