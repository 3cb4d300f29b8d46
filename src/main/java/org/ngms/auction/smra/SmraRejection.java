package org.ngms.auction.smra;

import java.util.Objects;

/**
 * An action refused by a rule: a value, recorded in the round, never an exception. {@code licence} is empty for
 * actions of the bidder as a whole (a waiver, an eligibility reduction, an unknown bidder).
 */
public record SmraRejection(String bidder, String licence, SmraReasonCode reason, String message) {

    public SmraRejection {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
