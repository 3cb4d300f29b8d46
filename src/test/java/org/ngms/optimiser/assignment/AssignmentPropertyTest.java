package org.ngms.optimiser.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * On thousands of seeded random small markets (2 to 4 winners, 3 to 10 blocks, some blocks reserved, options left
 * out at random, bids from a few small amounts so that ties abound) the exhaustive search equals brute force over
 * every combination of options, including the tie rule's pick as the test writes it out again; the chosen options
 * are complete and free of overlaps; infeasible markets are reported as such; the same input gives the same result.
 * OptaPlanner costs milliseconds per market, so PlannedAssignment runs on every tenth market.
 */
class AssignmentPropertyTest {

    private static final int MARKETS = Integer.getInteger("markets", 3_000);
    private static final int PLANNED_EVERY = 10;

    private final ExhaustiveAssignment exact = new ExhaustiveAssignment();
    private final PlannedAssignment planned = new PlannedAssignment();

    @Test
    void theExhaustiveSearchEqualsBruteForceIncludingTheTieRuleAndIsDeterministic() {
        int infeasible = 0;
        int tied = 0;
        for (long seed = 1; seed <= MARKETS; seed++) {
            AssignmentInstance instance = AssignmentMarkets.random(seed);
            Map<String, String> expected = AssignmentMarkets.bruteForce(instance);
            AssignmentResult actual = exact.solve(instance);
            check(seed, instance, expected, actual);
            assertThat(exact.solve(instance)).as("same result twice, market %d", seed).isEqualTo(actual);
            infeasible += expected == null ? 1 : 0;
            tied += expected != null && optimalAssignments(instance, actual.value()) > 1 ? 1 : 0;
        }
        // the generator must exercise both the infeasible reports and the tie rule, not only plain optima
        assertThat(infeasible).isBetween(MARKETS / 100, MARKETS / 2);
        assertThat(tied).isGreaterThan(MARKETS / 4);
    }

    @Test
    void optaPlannerCertifiedByTheExhaustiveSearchGivesTheSameAssignmentAndIsDeterministic() {
        for (long seed = PLANNED_EVERY; seed <= MARKETS; seed += PLANNED_EVERY) {
            AssignmentInstance instance = AssignmentMarkets.random(seed);
            Map<String, String> expected = AssignmentMarkets.bruteForce(instance);
            AssignmentResult actual = planned.solve(instance);
            check(seed, instance, expected, actual);
            assertThat(actual.method()).isEqualTo(PlannedAssignment.METHOD);
            if (expected != null) {
                assertThat(actual.foundBy()).isIn(PlannedAssignment.OPTAPLANNER, ExhaustiveAssignment.METHOD);
            }
            if (seed % (5 * PLANNED_EVERY) == 0) {
                assertThat(planned.solve(instance)).as("same result twice, market %d", seed).isEqualTo(actual);
            }
        }
    }

    private static void check(long seed, AssignmentInstance instance, Map<String, String> expected,
            AssignmentResult actual) {
        if (expected == null) {
            assertThat(actual.status()).as("status of market %d", seed).isEqualTo(AssignmentStatus.INFEASIBLE);
            assertThat(actual.chosen()).isEmpty();
            return;
        }
        assertThat(actual.status()).as("status of market %d", seed).isEqualTo(AssignmentStatus.OPTIMAL);
        assertThat(actual.tieRuleApplied()).as("tie rule applied, market %d", seed).isTrue();
        assertThat(actual.chosen()).as("chosen options of market %d", seed).isEqualTo(expected);
        assertThat(instance.brokenRules(actual.chosen())).as("rules, market %d", seed).isEmpty();
        assertThat(actual.chosen()).hasSize(instance.market().winners().size());
        assertThat(actual.value()).isEqualTo(instance.value(expected)).isEqualTo(actual.bound());
    }

    private static long optimalAssignments(AssignmentInstance instance, long optimum) {
        return AssignmentMarkets.completeAssignments(instance.market()).stream()
                .filter(a -> instance.value(a) == optimum).count();
    }
}
