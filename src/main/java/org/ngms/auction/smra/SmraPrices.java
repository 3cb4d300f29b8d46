package org.ngms.auction.smra;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ngms.shared.Percent;

/**
 * What an open round publishes: per licence the minimum acceptable bid, the increment it applied (0 when the minimum
 * acceptable bid is the minimum opening bid or the regulator's bid after a withdrawal) and the acceptable amounts of
 * the click box. {@code increment} is the regulator's announced percentage when the rule lets it set one.
 */
public record SmraPrices(int round, Optional<Percent> increment, SortedMap<String, LicencePrices> licences) {

    public SmraPrices {
        if (round < 1) {
            throw new IllegalArgumentException("round must be at least 1, got " + round);
        }
        Objects.requireNonNull(increment, "increment");
        licences = Collections.unmodifiableSortedMap(new TreeMap<>(licences));
    }

    public LicencePrices of(String licence) {
        return licences.get(licence);
    }

    /** One licence's prices in a round; {@code clickBox} starts with the minimum acceptable bid and ascends. */
    public record LicencePrices(long minimumAcceptableBid, Percent increment, List<Long> clickBox) {
        public LicencePrices {
            Objects.requireNonNull(increment, "increment");
            clickBox = List.copyOf(clickBox);
            if (clickBox.isEmpty() || clickBox.get(0) != minimumAcceptableBid) {
                throw new IllegalArgumentException("the click box starts with the minimum acceptable bid");
            }
        }
    }
}
