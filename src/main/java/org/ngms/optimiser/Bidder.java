package org.ngms.optimiser;

import java.util.List;
import java.util.Objects;

/** A bidder's mutually exclusive (XOR) package bids and the caps that bind it alone. */
public record Bidder(String id, List<Cap> caps, List<Bid> bids) {

    public Bidder {
        Objects.requireNonNull(id, "id");
        caps = List.copyOf(caps);
        bids = List.copyOf(bids);
    }
}
