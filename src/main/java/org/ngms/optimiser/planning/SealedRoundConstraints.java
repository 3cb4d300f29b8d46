package org.ngms.optimiser.planning;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/** The rules of a sealed round, one per method. XOR needs none: a bidder has one choice. */
public final class SealedRoundConstraints implements ConstraintProvider {

    public static final String SUPPLY = "supply of each category";
    public static final String CAP = "caps binding each bidder";
    public static final String VALUE = "sum of winning amounts";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {supplyOfEachCategory(factory), capsBindingEachBidder(factory),
                sumOfWinningAmounts(factory)};
    }

    // The blocks of a category in the winning bids add up to at most its supply; each block over costs 1 hard.
    Constraint supplyOfEachCategory(ConstraintFactory factory) {
        return factory.forEach(BidderChoice.class)
                .join(PlanningCategory.class, Joiners.filtering((choice, category) ->
                        choice.getBid().blocksOf(category) > 0))
                .groupBy((choice, category) -> category, sumLong((choice, category) ->
                        choice.getBid().blocksOf(category)))
                .filter((category, blocks) -> blocks > category.supply())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (category, blocks) -> blocks - category.supply())
                .asConstraint(SUPPLY);
    }

    // A winning bid's weighted count under every cap binding its bidder is at most the cap's max; each unit over costs 1 hard.
    Constraint capsBindingEachBidder(ConstraintFactory factory) {
        return factory.forEach(BidderChoice.class)
                .join(PlanningCap.class, Joiners.filtering((choice, cap) -> cap.binds(choice.getBidder())))
                .filter((choice, cap) -> cap.countOf(choice.getBid()) > cap.max())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (choice, cap) -> cap.countOf(choice.getBid()) - cap.max())
                .asConstraint(CAP);
    }

    // The objective: each winning bid adds its amount.
    Constraint sumOfWinningAmounts(ConstraintFactory factory) {
        return factory.forEach(BidderChoice.class)
                .rewardLong(HardSoftLongScore.ONE_SOFT, choice -> choice.getBid().amount())
                .asConstraint(VALUE);
    }
}
