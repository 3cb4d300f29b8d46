package org.ngms.optimiser.rationalisation;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * Planning entity: the free blocks of the band from the bottom up, as one list of holding blocks, the list's i-th
 * element going into the i-th free block.
 *
 * <p>Why a list of the holdings' blocks rather than a start position per operator or a holder per block: a plan is
 * an order of the band's blocks, and a list variable is exactly an order. Every rule of a rationalisation is then
 * the shape of the model, not a constraint: each free block gets exactly one holding block (no overlap), the
 * holding blocks are those held before (every operator keeps its quantity, vacancies included), and fixed blocks
 * are not in the list (they never move). An operator may still be split, which a single start position cannot say,
 * and OptaPlanner's sub-list moves take a run out and put it back elsewhere in one move, which per-block swaps
 * reach only through worse plans. Contiguity is a count over block positions (see {@link FreeBlock}).
 */
@PlanningEntity
public class BandRow {

    private String band;

    @PlanningListVariable(valueRangeProviderRefs = "holdingBlocks")
    private List<HoldingBlock> blocks;

    public BandRow() {
    }

    public BandRow(String band, List<HoldingBlock> blocks) {
        this.band = band;
        this.blocks = blocks;
    }

    public String getBand() {
        return band;
    }

    public List<HoldingBlock> getBlocks() {
        return blocks;
    }

    public void setBlocks(List<HoldingBlock> blocks) {
        this.blocks = blocks;
    }
}
