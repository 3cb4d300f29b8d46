package org.ngms.optimiser.assignment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A winner of the clock stage in one market: the generic quantity of blocks it won and the frequency-specific options
 * it may be given, each exactly that many contiguous blocks. No options at all is allowed here: the market is then
 * infeasible, which winner determination reports rather than refuses.
 */
public record MarketWinner(String bidder, int quantity, List<AssignmentOption> options) {

    public MarketWinner {
        Ids.require("bidder", bidder);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + bidder + " must be at least 1: " + quantity);
        }
        Objects.requireNonNull(options, "options of " + bidder);
        options = List.copyOf(options);
        Set<String> ids = new HashSet<>();
        for (AssignmentOption option : options) {
            if (!ids.add(option.id())) {
                throw new IllegalArgumentException("option id " + option.id() + " appears twice for " + bidder);
            }
            if (option.blocks().size() != quantity) {
                throw new IllegalArgumentException("option " + option.id() + " of " + bidder + " has "
                        + option.blocks().size() + " blocks, " + bidder + " won " + quantity);
            }
        }
    }

    public AssignmentOption option(String id) {
        for (AssignmentOption option : options) {
            if (option.id().equals(id)) {
                return option;
            }
        }
        return null;
    }
}
