package org.ngms.optimiser.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.optimiser.assignment.AssignmentMarkets.CONTEXT;
import static org.ngms.optimiser.assignment.AssignmentMarkets.SEED;
import static org.ngms.optimiser.assignment.AssignmentMarkets.run;
import static org.ngms.optimiser.assignment.AssignmentMarkets.winner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlannedAssignmentTest {

    private final PlannedAssignment planned = new PlannedAssignment();
    private final ExhaustiveAssignment exact = new ExhaustiveAssignment();

    @Test
    void optaPlannersAssignmentIsCertifiedByTheExhaustiveSearch() {
        AssignmentResult result = planned.solve(ExhaustiveAssignmentTest.middleOfTheBand(1));
        assertThat(result.chosen()).containsExactly(Map.entry("a", "1-1"), Map.entry("b", "2-2"),
                Map.entry("c", "3-4"));
        assertThat(result.provenOptimal()).isTrue();
        assertThat(result.bound()).isEqualTo(6);
        assertThat(result.method()).isEqualTo(PlannedAssignment.METHOD);
        assertThat(result.foundBy()).isEqualTo(PlannedAssignment.OPTAPLANNER);
        assertThat(result.detail()).contains("OptaPlanner reached 6", "proved it optimal");
    }

    @Test
    void aStartBelowTheOptimumIsReplacedByTheExactOptimumAndTheResultSaysWhoFoundIt() {
        AssignmentInstance instance = ExhaustiveAssignmentTest.middleOfTheBand(1);
        AssignmentResult fromWorse = exact.solve(instance, Map.of("a", "0-0", "b", "3-3", "c", "1-2"),
                PlannedAssignment.OPTAPLANNER);
        assertThat(fromWorse.value()).isEqualTo(6);
        assertThat(fromWorse.foundBy()).isEqualTo(ExhaustiveAssignment.METHOD);
        AssignmentResult fromBest = exact.solve(instance, Map.of("a", "1-1", "b", "2-2", "c", "3-4"),
                PlannedAssignment.OPTAPLANNER);
        assertThat(fromBest.foundBy()).isEqualTo(PlannedAssignment.OPTAPLANNER);
        assertThat(fromBest.chosen()).isEqualTo(fromWorse.chosen()).isEqualTo(exact.solve(instance).chosen());
    }

    @Test
    void aStartThatIsNotACompleteAssignmentIsIgnored() {
        AssignmentInstance instance = ExhaustiveAssignmentTest.middleOfTheBand(1);
        AssignmentResult result = exact.solve(instance, Map.of("a", "1-1", "b", "1-1", "c", "3-4"),
                PlannedAssignment.OPTAPLANNER);
        assertThat(result.foundBy()).isEqualTo(ExhaustiveAssignment.METHOD);
        assertThat(result.value()).isEqualTo(6);
    }

    @Test
    void aMarketWhoseOptionsCannotBeCombinedIsReportedInfeasibleAfterOptaPlannerAndTheSearch() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(
                new MarketWinner("a", 2, List.of(run(0, 2), run(1, 2))),
                new MarketWinner("b", 2, List.of(run(1, 2)))));
        AssignmentResult result = planned.solve(new AssignmentInstance(market, Map.of(), SEED, CONTEXT));
        assertThat(result.status()).isEqualTo(AssignmentStatus.INFEASIBLE);
        assertThat(result.detail()).contains("OptaPlanner ended without a complete assignment",
                "no complete assignment exists");
    }

    @Test
    void aPlainlyInfeasibleMarketIsReportedWithoutRunningOptaPlanner() {
        AssignmentMarket market = new AssignmentMarket("m", 3, List.of(winner("a", 2, 3), winner("b", 2, 3)));
        AssignmentResult result = planned.solve(new AssignmentInstance(market, Map.of(), SEED, CONTEXT));
        assertThat(result.status()).isEqualTo(AssignmentStatus.INFEASIBLE);
        assertThat(result.detail()).startsWith("OptaPlanner not run: the winners hold 4 blocks");
    }

    @Test
    void aMarketWithNothingToChooseIsSolvedWithoutALocalSearchThatCouldNotMove() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(
                new MarketWinner("a", 2, List.of(run(0, 2))), new MarketWinner("b", 2, List.of(run(2, 2)))));
        AssignmentResult result = planned.solve(new AssignmentInstance(market, Map.of("a", Map.of("0-1", 7L)),
                SEED, CONTEXT));
        assertThat(result.chosen()).containsExactly(Map.entry("a", "0-1"), Map.entry("b", "2-3"));
        assertThat(result.value()).isEqualTo(7);
        assertThat(result.provenOptimal()).isTrue();
        assertThat(result.detail()).contains("every winner has one option");
    }
}
