package org.ngms.optimiser;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A package bid: blocks per category (each at least 1) for {@code amount} whole currency units, all or nothing. */
public record Bid(String id, Map<String, Long> pack, long amount) {

    public Bid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pack, "pack");
        if (pack.isEmpty()) {
            throw new IllegalArgumentException("package of bid " + id + " must name at least one category");
        }
        for (Map.Entry<String, Long> entry : pack.entrySet()) {
            if (entry.getValue() == null || entry.getValue() < 1) {
                throw new IllegalArgumentException("bid " + id + " asks for " + entry.getValue() + " blocks of "
                        + entry.getKey() + "; a quantity is at least 1");
            }
        }
        if (amount < 0) {
            throw new IllegalArgumentException("amount of bid " + id + " must not be negative: " + amount);
        }
        pack = Map.copyOf(new TreeMap<>(pack));
    }

    public long blocksOf(String category) {
        return pack.getOrDefault(category, 0L);
    }
}
