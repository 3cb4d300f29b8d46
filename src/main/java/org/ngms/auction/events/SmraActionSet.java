package org.ngms.auction.events;

import java.util.Objects;

import org.ngms.auction.smra.SmraActions;

/** One version of a bidder's SMRA actions in a round, as submitted and as listed in the round's result. */
public record SmraActionSet(int version, SmraActions actions) {

    public SmraActionSet {
        Objects.requireNonNull(actions, "actions");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
    }

    public String bidder() {
        return actions.bidder();
    }
}
