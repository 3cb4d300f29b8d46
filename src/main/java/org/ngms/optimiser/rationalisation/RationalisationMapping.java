package org.ngms.optimiser.rationalisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ngms.optimiser.rationalisation.Holder.Fixed;
import org.ngms.optimiser.rationalisation.Holder.Operator;

/** Maps a band into planning facts and entities (the row as a start plan has it), and a solved row back. */
final class RationalisationMapping {

    private RationalisationMapping() {
    }

    /** The band's free blocks as facts, and the row that puts the holding blocks as {@code start} does. */
    static RationalisationPlan plan(BandHoldings band, List<Holder> start) {
        Map<Holder, PlanningHolder> holders = new HashMap<>();
        for (Operator operator : band.operators()) {
            holders.put(operator, new PlanningHolder(holders.size(), operator.id()));
        }
        holders.put(Holder.VACANT, PlanningHolder.vacant(holders.size()));
        List<FreeBlock> free = new ArrayList<>();
        List<HoldingBlock> held = new ArrayList<>();
        for (int i = 0; i < band.size(); i++) {
            if (!(band.blocks().get(i) instanceof Fixed)) {
                HoldingBlock block = new HoldingBlock(held.size(), holders.get(start.get(i)));
                block.setSlot(free.size());
                free.add(new FreeBlock(free.size(), i, holders.get(band.blocks().get(i))));
                held.add(block);
            }
        }
        return new RationalisationPlan(free, held, new BandRow(band.band(), new ArrayList<>(held)));
    }

    static List<Holder> after(BandHoldings band, RationalisationPlan plan) {
        List<Holder> after = new ArrayList<>(band.blocks());
        List<HoldingBlock> row = plan.getRow().getBlocks();
        if (row.size() != plan.getFreeBlocks().size()) {
            throw new IllegalStateException("the row holds " + row.size() + " blocks for "
                    + plan.getFreeBlocks().size() + " free blocks");
        }
        for (int slot = 0; slot < row.size(); slot++) {
            PlanningHolder holder = row.get(slot).getHolder();
            after.set(plan.getFreeBlocks().get(slot).block(),
                    holder.isOperator() ? Holder.operator(holder.operator()) : Holder.VACANT);
        }
        return after;
    }
}
