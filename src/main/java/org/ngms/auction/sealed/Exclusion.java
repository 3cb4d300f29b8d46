package org.ngms.auction.sealed;

import java.util.Objects;

import org.ngms.auction.ReasonCode;

/** A bidder left out of a sealed stage (and what follows it), with the rule that excluded it. */
public record Exclusion(String bidder, ReasonCode reason, String message) {

    public Exclusion {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
