package org.ngms.optimiser.planning;

import java.util.Map;

/** Planning fact: one package bid, its bidder, amount and blocks per category id. */
public record PlanningBid(int number, String id, String bidder, long amount, Map<String, Long> blocks) {

    public PlanningBid {
        blocks = Map.copyOf(blocks);
    }

    public long blocksOf(PlanningCategory category) {
        return blocks.getOrDefault(category.id(), 0L);
    }
}
