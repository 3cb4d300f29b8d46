package org.ngms.auction;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an auction. DRAFT (configured, not yet open) → QUALIFICATION (bidders registered and qualified)
 * → BIDDING (stages run) → CONCLUDED (outcome published); any state before CONCLUDED may end in CANCELLED.
 */
public enum AuctionState {
    DRAFT, QUALIFICATION, BIDDING, CONCLUDED, CANCELLED;

    /** The states this one may move to, before any guard is checked. */
    public Set<AuctionState> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(QUALIFICATION, CANCELLED);
            case QUALIFICATION -> EnumSet.of(BIDDING, CANCELLED);
            case BIDDING -> EnumSet.of(CONCLUDED, CANCELLED);
            case CONCLUDED, CANCELLED -> EnumSet.noneOf(AuctionState.class);
        };
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }

    /** Bidders may register while the auction is being prepared or qualifying. */
    public boolean acceptsRegistrations() {
        return this == DRAFT || this == QUALIFICATION;
    }
}
