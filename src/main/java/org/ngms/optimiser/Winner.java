package org.ngms.optimiser;

import java.util.Objects;

/** A bidder and the one bid it wins. */
public record Winner(String bidder, String bid) {

    public Winner {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(bid, "bid");
    }
}
