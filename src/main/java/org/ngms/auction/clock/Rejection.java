package org.ngms.auction.clock;

import java.util.Objects;

/** A bid (or a round operation) refused by a rule: a value, recorded in the round, never an exception. */
public record Rejection(String bidder, String product, ClockReasonCode reason, String message) {

    public Rejection {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
