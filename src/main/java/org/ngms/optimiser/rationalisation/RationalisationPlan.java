package org.ngms.optimiser.rationalisation;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * Planning solution: the free blocks as facts, the holding blocks to place, and the band row that orders them. The
 * score has no hard level (no plan of the model breaks a rule, see {@link BandRow}) and three soft levels, one per
 * {@link Objective} level in its order (operators split, blocks retuned, operators moved): a bendable score compares
 * level by level, so the lexicographic order is exact, with no weights to choose.
 */
@PlanningSolution
public class RationalisationPlan {

    public static final int HARD_LEVELS = 0;
    public static final int SOFT_LEVELS = 3;

    @ProblemFactCollectionProperty
    private List<FreeBlock> freeBlocks;

    /** Facts to the solution, values to the row, entities only for their slot (as in OptaPlanner's own examples). */
    @ValueRangeProvider(id = "holdingBlocks")
    @ProblemFactCollectionProperty
    private List<HoldingBlock> holdingBlocks;

    @PlanningEntityProperty
    private BandRow row;

    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;

    public RationalisationPlan() {
    }

    public RationalisationPlan(List<FreeBlock> freeBlocks, List<HoldingBlock> holdingBlocks, BandRow row) {
        this.freeBlocks = freeBlocks;
        this.holdingBlocks = holdingBlocks;
        this.row = row;
    }

    public List<FreeBlock> getFreeBlocks() {
        return freeBlocks;
    }

    public List<HoldingBlock> getHoldingBlocks() {
        return holdingBlocks;
    }

    public BandRow getRow() {
        return row;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
