package org.ngms.optimiser.assignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What winner determination of one market takes: the market, the sealed bids and the tie rule. {@code bids} maps a
 * bidder to its additional amount per option id, in whole currency units; an option without a bid counts 0. A bid
 * must be a winner's bid on one of its own options and not negative, and the greatest bids of all winners must add
 * up within a {@code long}, so that no sum of bids overflows.
 */
public record AssignmentInstance(AssignmentMarket market, Map<String, Map<String, Long>> bids,
        AssignmentTieRule tieRule) {

    public AssignmentInstance {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(bids, "bids of market " + market.id());
        Objects.requireNonNull(tieRule, "tie rule of market " + market.id());
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        long greatest = 0;
        for (Map.Entry<String, Map<String, Long>> entry : bids.entrySet()) {
            String bidder = entry.getKey();
            MarketWinner winner = bidder == null ? null : market.winner(bidder);
            if (winner == null) {
                throw new IllegalArgumentException("bids of " + bidder + ", who is not a winner in market "
                        + market.id());
            }
            Objects.requireNonNull(entry.getValue(), "bids of " + bidder);
            Map<String, Long> own = new LinkedHashMap<>();
            long max = 0;
            for (Map.Entry<String, Long> bid : entry.getValue().entrySet()) {
                String option = bid.getKey();
                if (option == null || winner.option(option) == null) {
                    throw new IllegalArgumentException("bid of " + bidder + " on option " + option
                            + ", which is not an option of " + bidder + " in market " + market.id());
                }
                Long amount = bid.getValue();
                if (amount == null || amount < 0) {
                    throw new IllegalArgumentException("bid of " + bidder + " on option " + option
                            + " must be 0 or more: " + amount);
                }
                own.put(option, amount);
                max = Math.max(max, amount);
            }
            copy.put(bidder, Collections.unmodifiableMap(own));
            try {
                greatest = Math.addExact(greatest, max);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the greatest bids of market " + market.id()
                        + " add up beyond " + Long.MAX_VALUE);
            }
        }
        bids = Collections.unmodifiableMap(copy);
    }

    public AssignmentInstance(AssignmentMarket market, Map<String, Map<String, Long>> bids, byte[] seed,
            String context) {
        this(market, bids, new AssignmentTieRule(seed, context));
    }

    /** The bid of a winner on one of its options; 0 when it made none. */
    public long amount(String bidder, String option) {
        return bids.getOrDefault(bidder, Map.of()).getOrDefault(option, 0L);
    }

    /**
     * Checks a chosen option per winner against the rules of the round, independently of any solver; each broken
     * rule is one line: every winner gets exactly one of its own options, and no block goes to two winners.
     */
    public List<String> brokenRules(Map<String, String> chosen) {
        List<String> broken = new ArrayList<>();
        for (String bidder : chosen.keySet()) {
            if (market.winner(bidder) == null) {
                broken.add(bidder + " is not a winner in market " + market.id());
            }
        }
        String[] holder = new String[market.blocks()];
        for (MarketWinner winner : market.winners()) {
            String id = chosen.get(winner.bidder());
            if (id == null) {
                broken.add(winner.bidder() + " is given no option");
                continue;
            }
            AssignmentOption option = winner.option(id);
            if (option == null) {
                broken.add(id + " is not an option of " + winner.bidder());
                continue;
            }
            for (int block : option.blocks()) {
                if (holder[block] != null) {
                    broken.add("block " + block + " goes to both " + holder[block] + " and " + winner.bidder());
                }
                holder[block] = winner.bidder();
            }
        }
        return broken;
    }

    /** The sum of the chosen options' bids. */
    public long value(Map<String, String> chosen) {
        long value = 0;
        for (Map.Entry<String, String> entry : chosen.entrySet()) {
            value += amount(entry.getKey(), entry.getValue());
        }
        return value;
    }
}
