package org.ngms.optimiser.planning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class SealedRoundConstraintsTest {

    private final ConstraintVerifier<SealedRoundConstraints, SealedRoundPlan> verifier =
            ConstraintVerifier.build(new SealedRoundConstraints(), SealedRoundPlan.class, BidderChoice.class);

    private static final PlanningCategory A = new PlanningCategory("A", 2);
    private static final PlanningCategory B = new PlanningCategory("B", 1);

    private static BidderChoice wins(String bidder, long amount, Map<String, Long> blocks) {
        PlanningBid bid = new PlanningBid(0, bidder + "-1", bidder, amount, blocks);
        return new BidderChoice(bidder, List.of(bid), bid);
    }

    @Test
    void blocksWonBeyondTheSupplyOfACategoryArePenalisedOnePerBlock() {
        verifier.verifyThat(SealedRoundConstraints::supplyOfEachCategory)
                .given(A, B, wins("x", 5, Map.of("A", 2L, "B", 1L)), wins("y", 4, Map.of("A", 1L, "B", 1L)))
                .penalizesBy(2);
    }

    @Test
    void winningWithinTheSupplyIsNotPenalised() {
        verifier.verifyThat(SealedRoundConstraints::supplyOfEachCategory)
                .given(A, B, wins("x", 5, Map.of("A", 1L)), wins("y", 4, Map.of("A", 1L, "B", 1L)))
                .penalizesBy(0);
    }

    @Test
    void aWinningBidOverACapBindingItsBidderIsPenalisedByTheExcess() {
        PlanningCap mhz = new PlanningCap("caps[0]", null, Map.of("A", 50L, "B", 100L), 150);
        PlanningCap ownOfY = new PlanningCap("bidders[1].caps[0]", "y", Map.of("A", 1L), 0);
        verifier.verifyThat(SealedRoundConstraints::capsBindingEachBidder)
                .given(mhz, ownOfY, wins("x", 5, Map.of("A", 2L, "B", 1L)), wins("z", 4, Map.of("A", 1L)))
                .penalizesBy(50);
    }

    @Test
    void aCapBindingAnotherBidderDoesNotApply() {
        PlanningCap ownOfY = new PlanningCap("bidders[1].caps[0]", "y", Map.of("A", 1L), 0);
        verifier.verifyThat(SealedRoundConstraints::capsBindingEachBidder)
                .given(ownOfY, wins("x", 5, Map.of("A", 2L)))
                .penalizesBy(0);
    }

    @Test
    void eachWinningBidAddsItsAmountToTheObjective() {
        BidderChoice none = new BidderChoice("z", List.of(), null);
        verifier.verifyThat(SealedRoundConstraints::sumOfWinningAmounts)
                .given(wins("x", 5, Map.of("A", 1L)), wins("y", 4, Map.of("B", 1L)), none)
                .rewardsWith(9);
    }
}
