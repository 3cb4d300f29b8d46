package org.ngms.optimiser.rationalisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random bands and an independent brute force: every distinct arrangement of the free blocks' holders, in
 * the tie order, scored by its own reading of the objective (an operator is contiguous when its blocks form exactly
 * one maximal run), the first strictly best kept.
 */
final class Bands {

    private Bands() {
    }

    /** A band of 1 to {@code maxBlocks} blocks, up to {@code maxOperators} operators, some vacant and fixed. */
    static BandHoldings random(long seed, int maxBlocks, int maxOperators) {
        return random(seed, 1, maxBlocks, 1, maxOperators);
    }

    /** A band of {@code minBlocks} to {@code maxBlocks} blocks, {@code minOperators} to {@code maxOperators} ids. */
    static BandHoldings random(long seed, int minBlocks, int maxBlocks, int minOperators, int maxOperators) {
        Random random = new Random(seed);
        int n = minBlocks + random.nextInt(maxBlocks - minBlocks + 1);
        int operators = minOperators + random.nextInt(maxOperators - minOperators + 1);
        int fixedPercent = random.nextInt(4) * 8;
        int vacantPercent = random.nextInt(4) * 10;
        List<Holder> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int roll = random.nextInt(100);
            if (roll < fixedPercent) {
                blocks.add(Holder.fixed(random.nextBoolean() ? "guard" : "link"));
            } else if (roll < fixedPercent + vacantPercent) {
                blocks.add(Holder.VACANT);
            } else {
                blocks.add(Holder.operator(String.valueOf((char) ('A' + random.nextInt(operators)))));
            }
        }
        return new BandHoldings("band-" + seed, 5_000, blocks);
    }

    record Best(List<Holder> plan, int split, long retuned, int moved) {
    }

    static Best bruteForce(BandHoldings band) {
        List<Holder> order = new ArrayList<>();
        for (Holder holder : band.blocks()) {
            if (holder instanceof Holder.Operator && !order.contains(holder)) {
                order.add(holder);
            }
        }
        order.add(Holder.VACANT);
        List<Integer> free = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < band.size(); i++) {
            if (!(band.blocks().get(i) instanceof Holder.Fixed)) {
                free.add(i);
                ranks.add(order.indexOf(band.blocks().get(i)));
            }
        }
        int[] current = ranks.stream().mapToInt(Integer::intValue).sorted().toArray();
        Best best = null;
        do {
            List<Holder> plan = new ArrayList<>(band.blocks());
            for (int f = 0; f < current.length; f++) {
                plan.set(free.get(f), order.get(current[f]));
            }
            Best candidate = score(band.blocks(), plan);
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        } while (nextPermutation(current));
        return best;
    }

    private static boolean better(Best a, Best b) {
        if (a.split != b.split) {
            return a.split < b.split;
        }
        if (a.retuned != b.retuned) {
            return a.retuned < b.retuned;
        }
        return a.moved < b.moved;
    }

    static Best score(List<Holder> before, List<Holder> after) {
        Map<Holder, Integer> runs = new HashMap<>();
        for (int i = 0; i < after.size(); i++) {
            Holder holder = after.get(i);
            if (holder instanceof Holder.Operator && (i == 0 || !after.get(i - 1).equals(holder))) {
                runs.merge(holder, 1, Integer::sum);
            }
        }
        int split = (int) runs.values().stream().filter(r -> r > 1).count();
        long retuned = 0;
        Set<Holder> moved = new HashSet<>();
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i) instanceof Holder.Operator && !after.get(i).equals(before.get(i))) {
                retuned++;
                moved.add(after.get(i));
            }
        }
        return new Best(after, split, retuned, moved.size());
    }

    /** The next arrangement in lexicographic order; false after the last. */
    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    static String row(List<Holder> blocks) {
        return BandHoldings.row(blocks);
    }
}
