package org.ngms.optimiser.rationalisation;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.IndexShadowVariable;

/**
 * Planning value: one block's worth of a holding (an operator's, or one vacancy), to be put in a free block. Its
 * {@code slot} is where the band row puts it (a shadow variable: its index in the row's list).
 */
@PlanningEntity
public class HoldingBlock {

    @PlanningId
    private int id;

    private PlanningHolder holder;

    @IndexShadowVariable(sourceVariableName = "blocks")
    private Integer slot;

    public HoldingBlock() {
    }

    public HoldingBlock(int id, PlanningHolder holder) {
        this.id = id;
        this.holder = holder;
    }

    public int getId() {
        return id;
    }

    public PlanningHolder getHolder() {
        return holder;
    }

    public Integer getSlot() {
        return slot;
    }

    public void setSlot(Integer slot) {
        this.slot = slot;
    }

    @Override
    public String toString() {
        return (holder.isOperator() ? holder.operator() : "-") + "@" + slot;
    }
}
