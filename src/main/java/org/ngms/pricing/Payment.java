package org.ngms.pricing;

import java.util.Objects;

/** What one winner pays for its winning bid, in whole currency units. */
public record Payment(String bidder, String bid, long amount) {

    public Payment {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(bid, "bid");
        if (amount < 0) {
            throw new IllegalArgumentException("payment of " + bidder + " must not be negative: " + amount);
        }
    }
}
