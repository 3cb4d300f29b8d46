package org.ngms.optimiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An instance as arrays for solvers: bids numbered 0..n-1 in bidder order, with their bidder, amount, tie number,
 * blocks per category, and whether a cap forbids the bid (a bidder wins one package, so a cap binds one bid at a time).
 */
public final class IndexedInstance {

    public final Instance instance;
    public final int bidderCount;
    public final int bidCount;
    public final int categoryCount;
    public final long[] supply;
    public final int[] bidderOf;
    public final long[] amount;
    public final long[] tieNumber;
    /** Per bid: the categories it asks for (indices) and how many blocks of each. */
    public final int[][] categoriesOf;
    public final long[][] blocksOf;
    /** Per bid: true when a cap binding its bidder forbids the package. */
    public final boolean[] forbiddenByCap;
    /** Per bidder: its bid numbers. */
    public final int[][] bidsOf;

    public IndexedInstance(Instance instance, TieBreak tieBreak) {
        this.instance = instance;
        List<Category> categories = instance.categories();
        categoryCount = categories.size();
        supply = new long[categoryCount];
        Map<String, Integer> categoryIndex = new java.util.HashMap<>();
        for (int c = 0; c < categoryCount; c++) {
            supply[c] = categories.get(c).supply();
            categoryIndex.put(categories.get(c).id(), c);
        }
        bidderCount = instance.bidders().size();
        bidCount = instance.bidCount();
        bidderOf = new int[bidCount];
        amount = new long[bidCount];
        tieNumber = new long[bidCount];
        categoriesOf = new int[bidCount][];
        blocksOf = new long[bidCount][];
        forbiddenByCap = new boolean[bidCount];
        bidsOf = new int[bidderCount][];
        int n = 0;
        for (int i = 0; i < bidderCount; i++) {
            Bidder bidder = instance.bidders().get(i);
            List<Cap> caps = instance.capsOf(bidder);
            bidsOf[i] = new int[bidder.bids().size()];
            for (int j = 0; j < bidder.bids().size(); j++) {
                Bid bid = bidder.bids().get(j);
                bidsOf[i][j] = n;
                bidderOf[n] = i;
                amount[n] = bid.amount();
                tieNumber[n] = tieBreak.tieNumber(bid.id());
                List<Map.Entry<String, Long>> entries = new ArrayList<>(bid.pack().entrySet());
                categoriesOf[n] = new int[entries.size()];
                blocksOf[n] = new long[entries.size()];
                for (int k = 0; k < entries.size(); k++) {
                    categoriesOf[n][k] = categoryIndex.get(entries.get(k).getKey());
                    blocksOf[n][k] = entries.get(k).getValue();
                }
                forbiddenByCap[n] = caps.stream().anyMatch(cap -> cap.brokenBy(bid.pack()));
                n++;
            }
        }
    }

    public Bidder bidder(int bid) {
        return instance.bidders().get(bidderOf[bid]);
    }

    public Bid bid(int bid) {
        Bidder bidder = bidder(bid);
        int first = bidsOf[bidderOf[bid]][0];
        return bidder.bids().get(bid - first);
    }

    /** The winners of a set of chosen bid numbers, in bidder order. */
    public List<Winner> winners(boolean[] chosen) {
        List<Winner> winners = new ArrayList<>();
        for (int b = 0; b < bidCount; b++) {
            if (chosen[b]) {
                winners.add(new Winner(bidder(b).id(), bid(b).id()));
            }
        }
        return winners;
    }
}
