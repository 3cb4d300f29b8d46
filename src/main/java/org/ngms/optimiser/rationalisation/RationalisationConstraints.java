package org.ngms.optimiser.rationalisation;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countBi;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.max;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.min;

import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;

/**
 * The objective of a rationalisation, one level per method and each on a soft level of its own, in the order of
 * {@link Objective}. There is no hard rule: fixed blocks in place, no overlap and every holding kept are the shape
 * of the model (see {@link BandRow}), so no plan the solver can reach breaks them.
 */
public final class RationalisationConstraints implements ConstraintProvider {

    public static final String ONE_RUN = "every operator holds one run";
    public static final String RETUNED = "blocks retuned";
    public static final String MOVED = "operators moved";

    private static final int H = RationalisationPlan.HARD_LEVELS;
    private static final int S = RationalisationPlan.SOFT_LEVELS;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {everyOperatorHoldsOneRun(factory), blocksRetuned(factory), operatorsMoved(factory)};
    }

    // Level 1: an operator whose highest block minus its lowest plus one is not its number of blocks costs 1.
    Constraint everyOperatorHoldsOneRun(ConstraintFactory factory) {
        return operatorsInTheirBlocks(factory)
                .groupBy((held, free) -> held.getHolder(),
                        min((HoldingBlock held, FreeBlock free) -> free.block()),
                        max((HoldingBlock held, FreeBlock free) -> free.block()), countBi())
                .filter((holder, lowest, highest, blocks) -> highest - lowest + 1 != blocks)
                .penalize(BendableLongScore.ofSoft(H, S, 0, 1))
                .asConstraint(ONE_RUN);
    }

    // Level 2: each block an operator other than the one before moves onto costs 1.
    Constraint blocksRetuned(ConstraintFactory factory) {
        return operatorsInTheirBlocks(factory)
                .filter((held, free) -> !held.getHolder().equals(free.before()))
                .penalize(BendableLongScore.ofSoft(H, S, 1, 1))
                .asConstraint(RETUNED);
    }

    // Level 3: each operator with at least one retuned block costs 1.
    Constraint operatorsMoved(ConstraintFactory factory) {
        return operatorsInTheirBlocks(factory)
                .filter((held, free) -> !held.getHolder().equals(free.before()))
                .groupBy((held, free) -> held.getHolder())
                .penalize(BendableLongScore.ofSoft(H, S, 2, 1))
                .asConstraint(MOVED);
    }

    /** Each operator's holding block with the free block the row puts it in; vacancies are never counted. */
    private static BiConstraintStream<HoldingBlock, FreeBlock> operatorsInTheirBlocks(ConstraintFactory factory) {
        return factory.forEach(HoldingBlock.class)
                .filter(held -> held.getHolder().isOperator() && held.getSlot() != null)
                .join(FreeBlock.class, Joiners.equal(HoldingBlock::getSlot, FreeBlock::slot));
    }
}
