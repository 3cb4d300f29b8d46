package org.ngms.auction.smra;

import java.util.Objects;

/**
 * A licence of an SMRA stage, bid on by itself: its lot category, licence area and band, the minimum opening bid (the
 * minimum acceptable bid until someone bids), the bidding units a bid on it counts towards activity and eligibility,
 * the kHz it counts in caps (a 2×10 MHz lot counts 20,000 kHz), and whether only new entrants may bid on it.
 */
public record SmraLicence(String id, String category, String area, String band, long minimumOpeningBid,
                          int biddingUnits, long khz, boolean newEntrantsOnly) {

    public SmraLicence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(band, "band");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a licence id is not blank");
        }
        if (minimumOpeningBid < 1) {
            throw new IllegalArgumentException("licence " + id + ": minimumOpeningBid must be at least 1, got "
                    + minimumOpeningBid);
        }
        if (biddingUnits < 1) {
            throw new IllegalArgumentException("licence " + id + ": biddingUnits must be at least 1, got "
                    + biddingUnits);
        }
        if (khz < 0) {
            throw new IllegalArgumentException("licence " + id + ": khz must not be negative, got " + khz);
        }
    }
}
