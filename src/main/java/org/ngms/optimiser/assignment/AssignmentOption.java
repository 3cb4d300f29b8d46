package org.ngms.optimiser.assignment;

import java.util.List;
import java.util.Objects;

/**
 * One frequency-specific option of a winner: the unit blocks it would hold, numbered from 0 at the bottom of the
 * market. An option is a contiguous run (sorted, distinct, each next block one above the last); that it has exactly
 * the winner's quantity and lies inside the market is checked by {@link MarketWinner} and {@link AssignmentMarket},
 * which know both. The id appears in tie messages, so it may not contain '/'.
 */
public record AssignmentOption(String id, List<Integer> blocks) {

    public AssignmentOption {
        Ids.require("option id", id);
        Objects.requireNonNull(blocks, "blocks of option " + id);
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("option " + id + " has no blocks");
        }
        for (int k = 0; k < blocks.size(); k++) {
            int block = blocks.get(k);
            if (block < 0) {
                throw new IllegalArgumentException("option " + id + " names block " + block + ", below 0");
            }
            if (k > 0) {
                int previous = blocks.get(k - 1);
                if (block == previous) {
                    throw new IllegalArgumentException("option " + id + " names block " + block + " twice");
                }
                if (block < previous) {
                    throw new IllegalArgumentException("option " + id + " lists its blocks out of order: " + blocks);
                }
                if (block != previous + 1) {
                    throw new IllegalArgumentException("option " + id + " is not contiguous: " + blocks);
                }
            }
        }
    }

    public int first() {
        return blocks.get(0);
    }

    public int last() {
        return blocks.get(blocks.size() - 1);
    }
}
