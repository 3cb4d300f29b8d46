package org.ngms.optimiser.assignment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class AssignmentConstraintsTest {

    private final ConstraintVerifier<AssignmentConstraints, AssignmentPlan> verifier =
            ConstraintVerifier.build(new AssignmentConstraints(), AssignmentPlan.class, WinnerChoice.class);

    private static WinnerChoice given(String bidder, int quantity, long amount, Integer... blocks) {
        PlanningOption option = new PlanningOption(bidder + "-option", bidder, List.of(blocks), amount);
        return new WinnerChoice(bidder, quantity, List.of(option), option);
    }

    @Test
    void eachBlockTwoChosenOptionsShareCostsOneHardPerPair() {
        // x and y share blocks 2 and 3, y and z share block 4, x and z share nothing: 2 + 1
        verifier.verifyThat(AssignmentConstraints::noOverlap)
                .given(given("x", 3, 0, 1, 2, 3), given("y", 3, 0, 2, 3, 4), given("z", 2, 0, 4, 5))
                .penalizesBy(3);
    }

    @Test
    void optionsThatMeetWithoutSharingABlockAreNotPenalised() {
        verifier.verifyThat(AssignmentConstraints::noOverlap)
                .given(given("x", 2, 0, 0, 1), given("y", 2, 0, 2, 3))
                .penalizesBy(0);
    }

    @Test
    void aWinnerLeftWithoutAnOptionCostsOneHard() {
        PlanningOption option = new PlanningOption("y-option", "y", List.of(2, 3), 5);
        WinnerChoice unassigned = new WinnerChoice("y", 2, List.of(option), null);
        verifier.verifyThat(AssignmentConstraints::everyWinnerAssigned)
                .given(given("x", 2, 0, 0, 1), unassigned)
                .penalizesBy(1);
    }

    @Test
    void winnersAllGivenAnOptionAreNotPenalised() {
        verifier.verifyThat(AssignmentConstraints::everyWinnerAssigned)
                .given(given("x", 2, 0, 0, 1), given("y", 2, 0, 2, 3))
                .penalizesBy(0);
    }

    @Test
    void aChosenOptionWithAGapOrOfTheWrongQuantityCostsOneHardEach() {
        // x has a gap (1, 3), y has 3 blocks but won 2, z is a proper run of 2
        verifier.verifyThat(AssignmentConstraints::optionShape)
                .given(given("x", 2, 0, 1, 3), given("y", 2, 0, 4, 5, 6), given("z", 2, 0, 7, 8))
                .penalizesBy(2);
    }

    @Test
    void aContiguousOptionOfTheWonQuantityIsNotPenalised() {
        verifier.verifyThat(AssignmentConstraints::optionShape)
                .given(given("x", 1, 0, 0), given("y", 3, 0, 1, 2, 3))
                .penalizesBy(0);
    }

    @Test
    void eachChosenOptionAddsItsWinnersBidToTheObjective() {
        verifier.verifyThat(AssignmentConstraints::sumOfAssignmentBids)
                .given(given("x", 2, 7, 0, 1), given("y", 2, 0, 2, 3), given("z", 1, 5, 4))
                .rewardsWith(12);
    }
}
