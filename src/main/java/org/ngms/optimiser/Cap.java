package org.ngms.optimiser;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bound on what one bidder wins across {@code categories}: the sum of weight x blocks is at most {@code max}.
 * A listed category without a weight counts 1 per block.
 */
public record Cap(List<String> categories, Map<String, Long> weights, long max) {

    public Cap {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(weights, "weights");
        categories = List.copyOf(categories);
        weights = Map.copyOf(weights);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a cap must list at least one category");
        }
        for (Map.Entry<String, Long> weight : weights.entrySet()) {
            if (!categories.contains(weight.getKey())) {
                throw new IllegalArgumentException("weight names " + weight.getKey() + ", which the cap does not list");
            }
            if (weight.getValue() < 1) {
                throw new IllegalArgumentException("weight of " + weight.getKey() + " must be positive: "
                        + weight.getValue());
            }
        }
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
    }

    public long weightOf(String category) {
        return categories.contains(category) ? weights.getOrDefault(category, 1L) : 0;
    }

    /** The weighted count of a package under this cap; saturates at Long.MAX_VALUE (which breaks any cap). */
    public long countOf(Map<String, Long> pack) {
        long count = 0;
        try {
            for (Map.Entry<String, Long> entry : pack.entrySet()) {
                count = Math.addExact(count, Math.multiplyExact(weightOf(entry.getKey()), entry.getValue()));
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return count;
    }

    public boolean brokenBy(Map<String, Long> pack) {
        return countOf(pack) > max;
    }

    public static Cap of(long max, String... categories) {
        return new Cap(List.of(categories), Map.of(), max);
    }
}
