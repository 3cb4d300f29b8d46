package org.ngms.optimiser.assignment;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * Planning entity: the option a winner is given, drawn only from its own options. The variable is not nullable
 * because the assignment round is complete (every winner gets spectrum): a nullable variable would make "no option"
 * a move the search could take and a hard constraint would then have to undo, while a non-nullable one makes
 * construction give every winner an option and local search only ever swap one option for another. The
 * {@code everyWinnerAssigned} constraint still counts a winner left without one, which can only happen when solving
 * stops during construction.
 */
@PlanningEntity
public class WinnerChoice {

    @PlanningId
    private String bidder;

    private int quantity;

    private List<PlanningOption> options;

    @PlanningVariable(valueRangeProviderRefs = "ownOptions")
    private PlanningOption option;

    public WinnerChoice() {
    }

    public WinnerChoice(String bidder, int quantity, List<PlanningOption> options, PlanningOption option) {
        this.bidder = bidder;
        this.quantity = quantity;
        this.options = List.copyOf(options);
        this.option = option;
    }

    public String getBidder() {
        return bidder;
    }

    public int getQuantity() {
        return quantity;
    }

    @ValueRangeProvider(id = "ownOptions")
    public List<PlanningOption> getOptions() {
        return options;
    }

    public PlanningOption getOption() {
        return option;
    }

    public void setOption(PlanningOption option) {
        this.option = option;
    }
}
