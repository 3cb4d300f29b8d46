package org.ngms.auction;

import java.time.Instant;
import java.util.Collection;

/**
 * Guarded transitions of an auction's state. Each guard states the precondition a regulator would check by hand.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * Moves {@code auction} to {@code target} if the lifecycle allows it and its guard holds:
     * bidding opens only with at least one qualified bidder and no undecided applicant; an auction concludes only
     * with a published outcome; a cancellation states its reason.
     */
    public static Decision<Auction> transition(Auction auction, AuctionState target, Collection<Bidder> bidders,
                                               boolean outcomePublished, String reason, Instant at) {
        AuctionState from = auction.state();
        if (!from.successors().contains(target)) {
            return Decision.rejected(ReasonCode.ILLEGAL_TRANSITION,
                    "an auction in " + from + " cannot move to " + target
                            + (from.isTerminal() ? " (" + from + " is final)" : "; allowed: " + from.successors()));
        }
        if (target == AuctionState.BIDDING) {
            if (bidders.stream().anyMatch(b -> b.status() == Bidder.Status.REGISTERED)) {
                return Decision.rejected(ReasonCode.UNDECIDED_BIDDERS,
                        "every registered bidder must be qualified or disqualified before bidding opens");
            }
            if (bidders.stream().noneMatch(b -> b.status() == Bidder.Status.QUALIFIED)) {
                return Decision.rejected(ReasonCode.NO_QUALIFIED_BIDDERS, "bidding needs at least one qualified bidder");
            }
        }
        if (target == AuctionState.CONCLUDED && !outcomePublished) {
            return Decision.rejected(ReasonCode.OUTCOME_NOT_READY,
                    "an auction concludes only when its stages have produced an outcome");
        }
        if (target == AuctionState.CANCELLED && (reason == null || reason.isBlank())) {
            return Decision.rejected(ReasonCode.REASON_REQUIRED, "a cancellation must state its reason");
        }
        return Decision.allowed(auction.withState(target, at));
    }
}
