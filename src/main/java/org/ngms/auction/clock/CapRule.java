package org.ngms.auction.clock;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A spectrum cap as the clock engine applies it: a bidder's existing spectrum in the cap's bands
 * ({@code existingKhz}, zero when the cap does not count holdings) plus the kHz of its processed demand in the cap's
 * products ({@code khzPerBlock}) never exceeds {@code limitKhz}.
 */
public record CapRule(String id, Map<String, Long> khzPerBlock, long limitKhz, Map<String, Long> existingKhz) {

    public CapRule {
        Objects.requireNonNull(id, "id");
        khzPerBlock = Map.copyOf(new TreeMap<>(khzPerBlock));
        existingKhz = Map.copyOf(new TreeMap<>(existingKhz));
        if (limitKhz < 0) {
            throw new IllegalArgumentException("cap " + id + ": limit must not be negative");
        }
    }

    public long existing(String bidder) {
        return existingKhz.getOrDefault(bidder, 0L);
    }

    /** kHz a bidder uses in this cap with {@code demand} (product → blocks). */
    public long used(String bidder, Map<String, Integer> demand) {
        long total = existing(bidder);
        for (var e : khzPerBlock.entrySet()) {
            total += e.getValue() * demand.getOrDefault(e.getKey(), 0);
        }
        return total;
    }
}
