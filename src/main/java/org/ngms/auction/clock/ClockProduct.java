package org.ngms.auction.clock;

import java.util.Objects;

/**
 * A product of a clock stage: a lot category in a licence area, {@code supply} interchangeable blocks, each worth
 * {@code eligibilityPoints} bidding units and counting {@code khzPerBlock} in caps (as the directive counts spectrum).
 * A bidder may demand at most {@code maxPerBidder} blocks (the directive's per-bidder limit, else the supply).
 */
public record ClockProduct(String id, String category, String area, String band, int supply, long reserve,
                           int eligibilityPoints, long khzPerBlock, int maxPerBidder) {

    public ClockProduct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(band, "band");
        if (supply < 1) {
            throw new IllegalArgumentException("product " + id + ": supply must be at least 1, got " + supply);
        }
        if (reserve < 0) {
            throw new IllegalArgumentException("product " + id + ": reserve must not be negative, got " + reserve);
        }
        if (eligibilityPoints < 0 || khzPerBlock < 0) {
            throw new IllegalArgumentException("product " + id + ": points and kHz must not be negative");
        }
        if (maxPerBidder < 1 || maxPerBidder > supply) {
            throw new IllegalArgumentException("product " + id + ": maxPerBidder must be in [1, " + supply + "], got "
                    + maxPerBidder);
        }
    }
}
