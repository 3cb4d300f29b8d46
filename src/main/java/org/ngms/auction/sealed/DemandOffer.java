package org.ngms.auction.sealed;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A pre-bid offer at reserve: the blocks per lot category a bidder demands at the reserve price. An empty offer (or
 * one of zeros) is valid and means "no demand". The record refuses only malformed input (nulls); whether the
 * quantities obey the directive (non-negative, within supply and limits) is decided by {@link SealedRules}, so that
 * a broken offer comes back as a rejection with its reason.
 */
public record DemandOffer(String bidder, Map<String, Integer> demand) {

    public DemandOffer {
        Objects.requireNonNull(bidder, "bidder");
        demand = Offers.counts("demand of " + bidder, demand);
    }

    /** Blocks demanded of {@code category}, 0 if not named. */
    public int blocksOf(String category) {
        return demand.getOrDefault(category, 0);
    }

    /** True when every quantity is zero. */
    public boolean isEmpty() {
        return demand.values().stream().allMatch(q -> q == 0);
    }

    /** The positive quantities only. */
    public Map<String, Integer> positive() {
        return Offers.positive(demand);
    }
}

/** Shared copying of quantity maps for offers and packages. */
final class Offers {

    private Offers() {
    }

    static Map<String, Integer> counts(String what, Map<String, Integer> counts) {
        Objects.requireNonNull(counts, what);
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, quantity) -> {
            if (key == null || quantity == null) {
                throw new IllegalArgumentException(what + ": keys and quantities must not be null (" + key + ": "
                        + quantity + ")");
            }
            copy.put(key, quantity);
        });
        return Collections.unmodifiableMap(copy);
    }

    static Map<String, Integer> positive(Map<String, Integer> counts) {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, quantity) -> {
            if (quantity > 0) {
                copy.put(key, quantity);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
