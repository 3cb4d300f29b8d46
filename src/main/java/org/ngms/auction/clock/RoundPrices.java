package org.ngms.auction.clock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.Percent;

/**
 * The prices of an open round, published when it opens: per product the start-of-round price (the previous posted
 * price, or the opening price in round 1) and the clock price. {@code increment} is the regulator's percentage for
 * this round when the directive lets the regulator set it.
 */
public record RoundPrices(int round, Map<String, Prices> products, Optional<Percent> increment) {

    public RoundPrices {
        if (round < 1) {
            throw new IllegalArgumentException("round must be at least 1, got " + round);
        }
        products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        Objects.requireNonNull(increment, "increment");
    }

    public Prices of(String product) {
        return products.get(product);
    }

    /** Start-of-round and clock price of one product, whole currency units, {@code sor ≤ cp}. */
    public record Prices(long startOfRound, long clockPrice) {
        public Prices {
            if (startOfRound < 0 || clockPrice < startOfRound) {
                throw new IllegalArgumentException("prices need 0 ≤ SOR ≤ CP, got " + startOfRound + ", "
                        + clockPrice);
            }
        }
    }
}
