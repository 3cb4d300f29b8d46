package org.ngms.auction.smra.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraBid;
import org.ngms.auction.smra.SmraBidder;
import org.ngms.auction.smra.SmraLicence;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.auction.smra.SmraStage;
import org.ngms.auction.smra.SmraState;

/**
 * Deterministic bidding agents for {@code bench smra}. Each round a bidder bids the minimum acceptable bid on the
 * licences it does not stand high on whose value exceeds that bid, best surplus (value minus minimum acceptable bid)
 * first, for as long as its standing high bids and new bids fit its eligibility. With nothing worth a bid, a waiver
 * user short of the activity requirement sends a proactive waiver while it has one; anyone else sends nothing and
 * loses eligibility. The same stage gives the same action sets.
 */
public final class SmraAgents {

    private SmraAgents() {
    }

    private record Candidate(String licence, long surplus, long amount, int units) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingLong(Candidate::surplus).reversed()
            .thenComparing(Candidate::licence);

    public static List<SmraActions> actions(SmraWorkloads.Auction auction, SmraStage stage, SmraPrices prices) {
        SmraSetup setup = auction.setup();
        SmraState state = stage.state();
        Map<String, Integer> heldUnits = new HashMap<>();
        Map<String, String> standing = new HashMap<>();
        for (SmraLicence l : setup.licences()) {
            state.licence(l.id()).standingBidder().ifPresent(b -> {
                standing.put(l.id(), b);
                heldUnits.merge(b, l.biddingUnits(), Integer::sum);
            });
        }
        Map<String, SmraLicence> licences = new HashMap<>();
        setup.licences().forEach(l -> licences.put(l.id(), l));
        long requirement = setup.requirement(prices.round()).basisPoints();
        List<SmraActions> actions = new ArrayList<>();
        for (SmraBidder bidder : setup.bidders()) {
            String id = bidder.id();
            SmraState.BidderState b = state.bidder(id);
            List<Candidate> candidates = new ArrayList<>();
            auction.values().get(id).forEach((licence, value) -> {
                long amount = prices.of(licence).minimumAcceptableBid();
                if (value > amount && !id.equals(standing.get(licence))) {
                    candidates.add(new Candidate(licence, value - amount, amount,
                            licences.get(licence).biddingUnits()));
                }
            });
            candidates.sort(BEST_FIRST);
            int units = heldUnits.getOrDefault(id, 0);
            List<SmraBid> bids = new ArrayList<>();
            for (Candidate c : candidates) {
                if (units + c.units() <= b.eligibility()) {
                    bids.add(new SmraBid(c.licence(), c.amount()));
                    units += c.units();
                }
            }
            if (!bids.isEmpty()) {
                actions.add(new SmraActions(id, bids, List.of(), false, false));
            } else if (auction.waiverUsers().contains(id) && b.waiversLeft() > 0 && b.eligibility() > 0
                    && units * 10_000L < requirement * b.eligibility()) {
                actions.add(SmraActions.waiver(id));
            }
        }
        return actions;
    }
}
