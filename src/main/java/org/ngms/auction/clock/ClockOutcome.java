package org.ngms.auction.clock;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

import org.ngms.shared.Percent;

/**
 * What a finished clock stage awards: each winner its processed demand of the last round at the final posted prices
 * (per lot, and in total), the blocks left unsold, the revenue, the MHz sold out of the MHz offered, the success
 * criterion's verdict, and the bidders excluded on the way.
 */
public record ClockOutcome(String stage, int rounds, List<Award> awards, SortedMap<String, Integer> unsold,
                           SortedMap<String, Long> finalPrices, long revenue, long soldKhz, long offeredKhz,
                           Optional<Success> success, List<ClockRound.Exclusion> exclusions) {

    public ClockOutcome {
        Objects.requireNonNull(stage, "stage");
        awards = List.copyOf(awards);
        unsold = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unsold));
        finalPrices = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(finalPrices));
        Objects.requireNonNull(success, "success");
        exclusions = List.copyOf(exclusions);
    }

    public Optional<Award> award(String bidder) {
        return awards.stream().filter(a -> a.bidder().equals(bidder)).findFirst();
    }

    /** Blocks won per product, the price per block (the product's final posted price) and the total. */
    public record Award(String bidder, SortedMap<String, Integer> lots, SortedMap<String, Long> pricePerLot,
                        long total) {
        public Award {
            Objects.requireNonNull(bidder, "bidder");
            lots = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(lots));
            pricePerLot = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(pricePerLot));
        }
    }

    /** The success criterion: {@code met} when sold MHz is at least {@code required} of the MHz offered. */
    public record Success(Percent required, boolean met) {
    }

    static long sum(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }
}
