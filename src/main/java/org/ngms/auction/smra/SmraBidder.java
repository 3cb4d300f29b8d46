package org.ngms.auction.smra;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A bidder as an SMRA stage sees it: whether it is a new entrant (licences reserved for new entrants are closed to
 * incumbents), its initial eligibility in bidding units (from its upfront payment or a sealed pre-qualification), and
 * the kHz it already holds per band (counted in caps that include existing holdings).
 */
public record SmraBidder(String id, boolean newEntrant, int eligibility, Map<String, Long> holdingsKhz) {

    public SmraBidder {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a bidder id is not blank");
        }
        if (eligibility < 0) {
            throw new IllegalArgumentException("bidder " + id + ": eligibility must not be negative, got "
                    + eligibility);
        }
        holdingsKhz = Map.copyOf(new TreeMap<>(holdingsKhz));
        holdingsKhz.forEach((band, khz) -> {
            if (khz < 0) {
                throw new IllegalArgumentException("bidder " + id + ": holdings in " + band
                        + " must not be negative, got " + khz);
            }
        });
    }

    public long holdingKhz(String band) {
        return holdingsKhz.getOrDefault(band, 0L);
    }
}
