package org.ngms.auction.clock;

import java.util.Objects;

/**
 * A bidder's demand for one product in one round: {@code quantity} blocks at {@code price}, which is the clock price
 * or an intra-round price in [start-of-round, clock]. The engine takes the final bid of each bidder and product; the
 * service replaces earlier ones until the round closes. Values are checked by {@link ClockRules#validate}, not here,
 * so that a wrong bid becomes a rejection rather than an exception.
 */
public record Bid(String bidder, String product, int quantity, long price) {

    public Bid {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(product, "product");
    }
}
