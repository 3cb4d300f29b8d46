package org.ngms.optimiser.planning;

import java.util.Map;

/**
 * Planning fact: a cap, weight per category id (categories it does not list weigh nothing), binding every bidder
 * when {@code bidder} is null, else that bidder alone.
 */
public record PlanningCap(String name, String bidder, Map<String, Long> weights, long max) {

    public PlanningCap {
        weights = Map.copyOf(weights);
    }

    public boolean binds(String bidderId) {
        return bidder == null || bidder.equals(bidderId);
    }

    public long countOf(PlanningBid bid) {
        long count = 0;
        for (Map.Entry<String, Long> entry : bid.blocks().entrySet()) {
            count += weights.getOrDefault(entry.getKey(), 0L) * entry.getValue();
        }
        return count;
    }
}
