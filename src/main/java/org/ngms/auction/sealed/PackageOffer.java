package org.ngms.auction.sealed;

import java.util.List;
import java.util.Objects;

/** A bidder's sealed package bids; it wins at most one of them (XOR), or none. */
public record PackageOffer(String bidder, List<PackageBid> bids) {

    public PackageOffer {
        Objects.requireNonNull(bidder, "bidder");
        bids = List.copyOf(bids);
    }
}
