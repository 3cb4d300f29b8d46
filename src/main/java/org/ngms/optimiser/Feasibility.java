package org.ngms.optimiser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks an allocation against the rules of wdp/1 independently of any solver; each broken rule is one line. */
public final class Feasibility {

    private Feasibility() {
    }

    public static List<String> brokenRules(Instance instance, List<Winner> winners) {
        List<String> broken = new ArrayList<>();
        Map<String, Bidder> bidders = new HashMap<>();
        instance.bidders().forEach(b -> bidders.put(b.id(), b));
        Set<String> seen = new HashSet<>();
        Map<String, Long> blocks = new HashMap<>();
        for (Winner winner : winners) {
            Bidder bidder = bidders.get(winner.bidder());
            if (bidder == null) {
                broken.add("unknown bidder " + winner.bidder());
                continue;
            }
            if (!seen.add(winner.bidder())) {
                broken.add("XOR: bidder " + winner.bidder() + " wins more than one bid");
            }
            Bid bid = bidder.bids().stream().filter(b -> b.id().equals(winner.bid())).findFirst().orElse(null);
            if (bid == null) {
                broken.add("bid " + winner.bid() + " is not a bid of " + winner.bidder());
                continue;
            }
            bid.pack().forEach((c, q) -> blocks.merge(c, q, Long::sum));
            for (Cap cap : instance.capsOf(bidder)) {
                if (cap.brokenBy(bid.pack())) {
                    broken.add("cap: bidder " + winner.bidder() + " breaks " + cap);
                }
            }
        }
        for (Category category : instance.categories()) {
            long won = blocks.getOrDefault(category.id(), 0L);
            if (won > category.supply()) {
                broken.add("supply: " + won + " blocks of " + category.id() + " won, supply " + category.supply());
            }
        }
        return broken;
    }

    public static long value(Instance instance, List<Winner> winners) {
        Map<String, Long> amounts = new HashMap<>();
        instance.bidders().forEach(b -> b.bids().forEach(bid -> amounts.put(bid.id(), bid.amount())));
        return winners.stream().mapToLong(w -> amounts.get(w.bid())).sum();
    }
}
