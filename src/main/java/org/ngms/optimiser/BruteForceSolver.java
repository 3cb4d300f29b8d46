package org.ngms.optimiser;

import java.time.Duration;

/**
 * The test oracle: tries every choice of one bid or none per bidder (skipping only branches that cannot reach the
 * best value found), keeps the greatest value, then the greatest sum of tie numbers. Obviously correct, exponential:
 * for small instances only.
 */
public final class BruteForceSolver implements WinnerDetermination {

    /** The most bidder choices (product of bids + 1 over bidders) it accepts. */
    public static final long MAX_COMBINATIONS = 50_000_000L;

    @Override
    public Allocation solve(Instance instance, TieBreak tieBreak, Duration timeLimit) {
        long started = System.nanoTime();
        IndexedInstance p = new IndexedInstance(instance, tieBreak);
        long combinations = 1;
        for (int[] bids : p.bidsOf) {
            combinations = Math.multiplyExact(combinations, bids.length + 1L);
            if (combinations > MAX_COMBINATIONS) {
                throw new IllegalArgumentException("instance " + instance.name() + " is too large for brute force");
            }
        }
        Search search = new Search(p);
        search.run(0, 0, 0);
        boolean[] chosen = new boolean[p.bidCount];
        for (int b : search.bestChoice) {
            if (b >= 0) {
                chosen[b] = true;
            }
        }
        return new Allocation(instance.name(), search.bestValue, p.winners(chosen), true, search.bestValue, true,
                (System.nanoTime() - started) / 1e9);
    }

    private static final class Search {
        final IndexedInstance p;
        final long[] used;
        final int[] choice;
        final long[] bestRemaining;
        int[] bestChoice;
        long bestValue = -1;
        long bestTie = -1;

        Search(IndexedInstance p) {
            this.p = p;
            used = new long[p.categoryCount];
            choice = new int[p.bidderCount];
            bestChoice = new int[p.bidderCount];
            bestRemaining = new long[p.bidderCount + 1];
            for (int i = p.bidderCount - 1; i >= 0; i--) {
                long max = 0;
                for (int b : p.bidsOf[i]) {
                    max = Math.max(max, p.amount[b]);
                }
                bestRemaining[i] = bestRemaining[i + 1] + max;
            }
        }

        void run(int bidder, long value, long tie) {
            if (value + bestRemaining[bidder] < bestValue) {
                return;
            }
            if (bidder == p.bidderCount) {
                if (value > bestValue || (value == bestValue && tie > bestTie)) {
                    bestValue = value;
                    bestTie = tie;
                    bestChoice = choice.clone();
                }
                return;
            }
            choice[bidder] = -1;
            run(bidder + 1, value, tie);
            for (int b : p.bidsOf[bidder]) {
                if (p.forbiddenByCap[b] || !fits(b)) {
                    continue;
                }
                take(b, 1);
                choice[bidder] = b;
                run(bidder + 1, value + p.amount[b], tie + p.tieNumber[b]);
                take(b, -1);
            }
            choice[bidder] = -1;
        }

        boolean fits(int b) {
            for (int k = 0; k < p.categoriesOf[b].length; k++) {
                int c = p.categoriesOf[b][k];
                if (used[c] + p.blocksOf[b][k] > p.supply[c]) {
                    return false;
                }
            }
            return true;
        }

        void take(int b, int sign) {
            for (int k = 0; k < p.categoriesOf[b].length; k++) {
                used[p.categoriesOf[b][k]] += sign * p.blocksOf[b][k];
            }
        }
    }
}
