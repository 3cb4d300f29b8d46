package org.ngms.optimiser.assignment;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of an assignment round, one per method. One option per winner needs none (a winner has one variable);
 * contiguity, quantity, fixed blocks and guard bands are built into the options offered, and {@code optionShape}
 * only guards the first two against a mapping error.
 */
public final class AssignmentConstraints implements ConstraintProvider {

    public static final String NO_OVERLAP = "no block in two chosen options";
    public static final String EVERY_WINNER_ASSIGNED = "every winner given an option";
    public static final String OPTION_SHAPE = "chosen option contiguous and of the won quantity";
    public static final String SUM_OF_BIDS = "sum of assignment bids";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {noOverlap(factory), everyWinnerAssigned(factory), optionShape(factory),
                sumOfAssignmentBids(factory)};
    }

    // No block is in the chosen options of two winners; each block two of them share costs 1 hard.
    Constraint noOverlap(ConstraintFactory factory) {
        return factory.forEachUniquePair(WinnerChoice.class,
                        Joiners.overlapping(choice -> choice.getOption().lowest(),
                                choice -> choice.getOption().highest() + 1))
                .filter((a, b) -> a.getOption().sharedBlocks(b.getOption()) > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (a, b) -> a.getOption().sharedBlocks(b.getOption()))
                .asConstraint(NO_OVERLAP);
    }

    // Every winner is given an option; each winner without one costs 1 hard.
    Constraint everyWinnerAssigned(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(WinnerChoice.class)
                .filter(choice -> choice.getOption() == null)
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint(EVERY_WINNER_ASSIGNED);
    }

    // A chosen option is exactly the winner's quantity of contiguous blocks; each one that is not costs 1 hard.
    Constraint optionShape(ConstraintFactory factory) {
        return factory.forEach(WinnerChoice.class)
                .filter(choice -> !choice.getOption().isRunOf(choice.getQuantity()))
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint(OPTION_SHAPE);
    }

    // The objective: each chosen option adds its winner's bid on it.
    Constraint sumOfAssignmentBids(ConstraintFactory factory) {
        return factory.forEach(WinnerChoice.class)
                .filter(choice -> choice.getOption().amount() > 0)
                .rewardLong(HardSoftLongScore.ONE_SOFT, choice -> choice.getOption().amount())
                .asConstraint(SUM_OF_BIDS);
    }
}
