package org.ngms.optimiser.assignment;

import java.util.List;

/**
 * Planning fact: one option of one winner, its blocks and the winner's bid on it (0 when none). It does not check its
 * own shape, so that the {@code optionShape} constraint has something to catch should a mapping ever go wrong.
 */
public record PlanningOption(String id, String bidder, List<Integer> blocks, long amount) {

    public PlanningOption {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("planning option " + id + " of " + bidder + " has no blocks");
        }
    }

    public int lowest() {
        return blocks.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    public int highest() {
        return blocks.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The number of distinct blocks this option shares with another. */
    public int sharedBlocks(PlanningOption other) {
        return (int) blocks.stream().distinct().filter(other.blocks::contains).count();
    }

    /** Exactly {@code quantity} blocks, each one above the one before. */
    public boolean isRunOf(int quantity) {
        if (blocks.size() != quantity) {
            return false;
        }
        for (int k = 1; k < blocks.size(); k++) {
            if (blocks.get(k) != blocks.get(k - 1) + 1) {
                return false;
            }
        }
        return true;
    }
}
