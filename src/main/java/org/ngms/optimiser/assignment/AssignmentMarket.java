package org.ngms.optimiser.assignment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One market of the assignment round (a band in a licence area, or a group of areas assigned together): its number of
 * unit blocks, numbered 0 to {@code blocks - 1}, and its winners in the order the round lists them.
 */
public record AssignmentMarket(String id, int blocks, List<MarketWinner> winners) {

    public AssignmentMarket {
        Ids.require("market id", id);
        if (blocks < 1) {
            throw new IllegalArgumentException("market " + id + " must have at least 1 block: " + blocks);
        }
        Objects.requireNonNull(winners, "winners of market " + id);
        winners = List.copyOf(winners);
        if (winners.isEmpty()) {
            throw new IllegalArgumentException("market " + id + " has no winners");
        }
        Set<String> bidders = new HashSet<>();
        for (MarketWinner winner : winners) {
            if (!bidders.add(winner.bidder())) {
                throw new IllegalArgumentException("winner " + winner.bidder() + " appears twice in market " + id);
            }
            for (AssignmentOption option : winner.options()) {
                if (option.last() >= blocks) {
                    throw new IllegalArgumentException("option " + option.id() + " of " + winner.bidder()
                            + " names block " + option.last() + ", market " + id + " has blocks 0 to " + (blocks - 1));
                }
            }
        }
    }

    public MarketWinner winner(String bidder) {
        for (MarketWinner winner : winners) {
            if (winner.bidder().equals(bidder)) {
                return winner;
            }
        }
        return null;
    }
}
