package org.ngms.auction.clock;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ngms.auction.Bidder;
import org.ngms.shared.Mhz;

/**
 * A bidder as a clock stage sees it: whether it is a new entrant (round-1 conditions apply to incumbents), its
 * initial eligibility in bidding units (from qualification, or handed over by a sealed stage), and the spectrum it
 * already holds per band (counted in caps that include existing holdings).
 */
public record ClockBidder(String id, boolean newEntrant, int eligibility, Map<String, Mhz> holdings) {

    public ClockBidder {
        Objects.requireNonNull(id, "id");
        if (eligibility < 0) {
            throw new IllegalArgumentException("bidder " + id + ": eligibility must not be negative, got "
                    + eligibility);
        }
        holdings = Map.copyOf(new TreeMap<>(holdings));
    }

    /** A qualified bidder of the auction, with the eligibility points qualification gave it. */
    public static ClockBidder of(Bidder bidder) {
        if (bidder.status() != Bidder.Status.QUALIFIED) {
            throw new IllegalArgumentException("bidder " + bidder.id() + " is " + bidder.status()
                    + "; only qualified bidders enter a clock stage");
        }
        return new ClockBidder(bidder.id(), bidder.newEntrant(), bidder.eligibilityPoints(), bidder.holdings());
    }
}
