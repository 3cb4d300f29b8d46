package org.ngms.auction.smra;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a stage stands between rounds: per licence who holds the standing high bid and at what amount, and per bidder
 * its eligibility, waivers and withdrawal rounds left. A processor derives it from the closed rounds
 * ({@link SmraProcessor#state}); the stage validates actions and opens rounds from it.
 */
public record SmraState(int nextRound, SortedMap<String, LicenceState> licences,
                        SortedMap<String, BidderState> bidders) {

    public SmraState {
        licences = Collections.unmodifiableSortedMap(new TreeMap<>(licences));
        bidders = Collections.unmodifiableSortedMap(new TreeMap<>(bidders));
    }

    /** Who holds a licence between rounds. */
    public enum Holding {
        /** No bid yet: the minimum acceptable bid is the minimum opening bid. */
        NO_BID,
        /** A bidder holds the standing high (provisionally winning) bid. */
        STANDING,
        /** The standing high bid was withdrawn and no bid has replaced it: the regulator holds the licence. */
        REGULATOR_HELD
    }

    /**
     * A licence between rounds. {@code standingBid} is 0 unless a bidder stands high. {@code runnerUpBid} is the
     * highest bid received on the licence that is neither the standing high bid nor withdrawn (0 if none): the
     * minimum acceptable bid once the standing high bid is withdrawn. {@code activityIndex} is the FCC activity index
     * in ten-thousandths (0 under other increment rules).
     */
    public record LicenceState(Holding holding, Optional<String> standingBidder, long standingBid, long runnerUpBid,
                               long activityIndex) {
        public LicenceState {
            Objects.requireNonNull(holding, "holding");
            Objects.requireNonNull(standingBidder, "standingBidder");
            if ((holding == Holding.STANDING) != standingBidder.isPresent()) {
                throw new IllegalArgumentException("a licence has a standing bidder exactly when it is STANDING");
            }
        }

        public static final LicenceState UNBID = new LicenceState(Holding.NO_BID, Optional.empty(), 0, 0, 0);

        public boolean standingHigh(String bidder) {
            return standingBidder.filter(bidder::equals).isPresent();
        }
    }

    /** A bidder between rounds: eligibility in bidding units for the next round, waivers and withdrawal rounds left. */
    public record BidderState(int eligibility, int waiversLeft, int withdrawalRoundsLeft) {
    }

    /** The state before round 1. */
    public static SmraState initial(SmraSetup setup) {
        SortedMap<String, LicenceState> licences = new TreeMap<>();
        setup.licences().forEach(l -> licences.put(l.id(), LicenceState.UNBID));
        SortedMap<String, BidderState> bidders = new TreeMap<>();
        setup.bidders().forEach(b -> bidders.put(b.id(),
                new BidderState(b.eligibility(), setup.waivers(), setup.withdrawalRounds())));
        return new SmraState(1, licences, bidders);
    }

    public LicenceState licence(String id) {
        return licences.get(id);
    }

    public BidderState bidder(String id) {
        return bidders.get(id);
    }

    /** The licences on which {@code bidder} holds the standing high bid. */
    public SortedSet<String> standingHigh(String bidder) {
        SortedSet<String> held = new TreeSet<>();
        licences.forEach((id, l) -> {
            if (l.standingHigh(bidder)) {
                held.add(id);
            }
        });
        return held;
    }
}
