package org.ngms.optimiser.assignment;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * The exact winner determination of a market: a depth-first search over the winners in a fixed order (fewest
 * options first, then the largest quantity, then bidder id), trying each winner's options from the greatest bid down,
 * never two options sharing a block. A branch is cut when its bid so far plus, for every winner still to place, its
 * greatest bid on an option free of the blocks already taken cannot beat the best complete assignment found, or when
 * some winner still to place has no such option at all. A search that ends within its node budget proves the
 * optimum (or that no complete assignment exists); one that runs out reports FEASIBLE or UNKNOWN, never a guess.
 *
 * <p>The seeded rule of {@link AssignmentTieRule} is applied after the optimum V is known: for each winner in the
 * rule's order, its options from the highest rank down are tried with the earlier winners held at their choices, and
 * the first one for which a complete assignment of value V exists is kept (a search that stops at the first such
 * assignment). The optimal assignment at hand gives one candidate known to succeed, so no winner is tried below it.
 */
public final class ExhaustiveAssignment {

    public static final String METHOD = "exhaustive";

    /**
     * Over 200 times the most nodes one solve or wd(K) took on random markets of eight winners with every contiguous
     * option on up to 40 blocks (under 90,000); spending all of it takes some ten seconds.
     */
    public static final long DEFAULT_NODE_BUDGET = 20_000_000L;

    private final long nodeBudget;

    public ExhaustiveAssignment() {
        this(DEFAULT_NODE_BUDGET);
    }

    public ExhaustiveAssignment(long nodeBudget) {
        if (nodeBudget < 1) {
            throw new IllegalArgumentException("node budget must be at least 1: " + nodeBudget);
        }
        this.nodeBudget = nodeBudget;
    }

    public AssignmentResult solve(AssignmentInstance instance) {
        return solve(instance, null, METHOD);
    }

    /**
     * As {@link #solve(AssignmentInstance)}, starting from {@code start}, a complete assignment found by
     * {@code startMethod} (ignored unless complete and free of overlaps): the search then only looks for better.
     */
    AssignmentResult solve(AssignmentInstance instance, Map<String, String> start, String startMethod) {
        IndexedAssignment p = new IndexedAssignment(instance);
        String market = instance.market().id();
        long rootBound = rootBound(p, p.amount);
        String plain = IndexedAssignment.plainlyInfeasible(instance.market());
        if (plain != null) {
            return new AssignmentResult(market, AssignmentStatus.INFEASIBLE, Map.of(), 0, 0, false, METHOD, METHOD,
                    0, plain);
        }
        Search search = new Search(p, p.amount, nodeBudget);
        int[] witness = p.numbers(start);
        String foundBy = witness == null ? METHOD : startMethod;
        int[] better = search.run(none(p), witness == null ? -1 : p.value(witness), false);
        if (better != null) {
            witness = better;
            foundBy = METHOD;
        }
        if (search.exhausted) {
            if (witness == null) {
                return new AssignmentResult(market, AssignmentStatus.UNKNOWN, Map.of(), 0, rootBound, false, METHOD,
                        METHOD, search.nodes, "the node budget of " + nodeBudget
                        + " ran out before any complete assignment was found");
            }
            long value = p.value(witness);
            return new AssignmentResult(market, AssignmentStatus.FEASIBLE, p.chosen(witness), value,
                    Math.max(value, rootBound), false, METHOD, foundBy, search.nodes, "the node budget of "
                    + nodeBudget + " ran out: value " + value + " is not proven optimal");
        }
        if (witness == null) {
            return new AssignmentResult(market, AssignmentStatus.INFEASIBLE, Map.of(), 0, 0, false, METHOD, METHOD,
                    search.nodes, "no complete assignment exists: every way of giving each winner one of its "
                    + "options puts some block in two of them");
        }
        long optimum = p.value(witness);
        int[] fixed = none(p);
        for (int w : p.tieOrder) {
            for (int o : p.rank[w]) {
                if (o == witness[w]) {
                    fixed[w] = o;
                    break;
                }
                if (overlapsFixed(p, fixed, w, o)) {
                    continue;
                }
                fixed[w] = o;
                int[] completion = search.run(fixed, optimum - 1, true);
                if (completion != null) {
                    witness = completion;
                    break;
                }
                fixed[w] = -1;
                if (search.exhausted) {
                    return new AssignmentResult(market, AssignmentStatus.OPTIMAL, p.chosen(witness), optimum,
                            optimum, false, METHOD, foundBy, search.nodes, "optimum " + optimum
                            + " proven, but the node budget of " + nodeBudget + " ran out applying the tie rule");
                }
            }
        }
        return new AssignmentResult(market, AssignmentStatus.OPTIMAL, p.chosen(witness), optimum, optimum, true,
                METHOD, foundBy, search.nodes, "optimum " + optimum + " proven by a complete search; the tie rule "
                + "applied");
    }

    /**
     * wd(K): the greatest sum of the bids of the winners in {@code coalition} over complete assignments, every other
     * winner still given one of its options but its bids counted 0.
     */
    public CoalitionValue wd(AssignmentInstance instance, Set<String> coalition) {
        IndexedAssignment p = new IndexedAssignment(instance);
        for (String bidder : coalition) {
            if (instance.market().winner(bidder) == null) {
                throw new IllegalArgumentException("coalition member " + bidder + " is not a winner in market "
                        + instance.market().id());
            }
        }
        long[][] amount = new long[p.winners][];
        for (int w = 0; w < p.winners; w++) {
            amount[w] = coalition.contains(p.bidder[w]) ? p.amount[w] : new long[p.amount[w].length];
        }
        long rootBound = rootBound(p, amount);
        if (IndexedAssignment.plainlyInfeasible(instance.market()) != null) {
            return new CoalitionValue(coalition, AssignmentStatus.INFEASIBLE, 0, 0, 0);
        }
        Search search = new Search(p, amount, nodeBudget);
        int[] best = search.run(none(p), -1, false);
        long value = best == null ? 0 : search.bestValue;
        if (search.exhausted) {
            return new CoalitionValue(coalition, best == null ? AssignmentStatus.UNKNOWN : AssignmentStatus.FEASIBLE,
                    value, Math.max(value, rootBound), search.nodes);
        }
        return best == null
                ? new CoalitionValue(coalition, AssignmentStatus.INFEASIBLE, 0, 0, search.nodes)
                : new CoalitionValue(coalition, AssignmentStatus.OPTIMAL, value, value, search.nodes);
    }

    /** The trivial bound: every winner gets the option it bid most on. */
    private static long rootBound(IndexedAssignment p, long[][] amount) {
        long bound = 0;
        for (long[] bids : amount) {
            bound += Arrays.stream(bids).max().orElse(0);
        }
        return bound;
    }

    private static int[] none(IndexedAssignment p) {
        int[] fixed = new int[p.winners];
        Arrays.fill(fixed, -1);
        return fixed;
    }

    private static boolean overlapsFixed(IndexedAssignment p, int[] fixed, int w, int o) {
        for (int v = 0; v < p.winners; v++) {
            if (fixed[v] >= 0 && p.overlap(w, o, v, fixed[v])) {
                return true;
            }
        }
        return false;
    }

    /** One bounded depth-first search; its node count and budget carry over from run to run. */
    private static final class Search {

        private final IndexedAssignment p;
        private final long[][] amount;
        private final long limit;
        private final int[] order;
        /** Per winner, its option numbers from the greatest bid down, ties by the tie rule's rank. */
        private final int[][] tryOrder;
        private final long[] used;
        private final int[] current;

        long nodes;
        boolean exhausted;
        long bestValue;

        private int[] fixed;
        private long threshold;
        private boolean stopAtFirst;
        private int[] best;

        Search(IndexedAssignment p, long[][] amount, long limit) {
            this.p = p;
            this.amount = amount;
            this.limit = limit;
            order = IndexedAssignment.sorted(p.winners, Comparator.<Integer>comparingInt(w -> p.optionId[w].length)
                    .thenComparing(w -> -p.instance.market().winners().get(w).quantity())
                    .thenComparing((a, b) -> AssignmentTieRule.ID_ORDER.compare(p.bidder[a], p.bidder[b])));
            tryOrder = new int[p.winners][];
            for (int w = 0; w < p.winners; w++) {
                long[] bids = amount[w];
                int[] rankOf = p.rankOf[w];
                tryOrder[w] = IndexedAssignment.sorted(bids.length, Comparator.<Integer>comparingLong(o -> -bids[o])
                        .thenComparingInt(o -> rankOf[o]));
            }
            used = new long[p.words];
            current = new int[p.winners];
        }

        /**
         * The first (stopAtFirst) or best complete assignment worth more than {@code floor} that gives each winner
         * w with {@code fixed[w] >= 0} that option; null when there is none or the budget ran out first.
         */
        int[] run(int[] fixed, long floor, boolean stopAtFirst) {
            this.fixed = fixed;
            this.threshold = floor;
            this.stopAtFirst = stopAtFirst;
            this.best = null;
            if (!exhausted) {
                visit(0, 0);
            }
            return best;
        }

        /** True when the search should stop: the first assignment found, or the budget spent. */
        private boolean visit(int depth, long value) {
            if (depth == p.winners) {
                if (value > threshold) {
                    best = current.clone();
                    bestValue = value;
                    threshold = value;
                    return stopAtFirst;
                }
                return false;
            }
            if (++nodes > limit) {
                exhausted = true;
                return true;
            }
            long rest = bestOfTheRest(depth);
            if (rest < 0 || value + rest <= threshold) {
                return false;
            }
            int w = order[depth];
            for (int o : tryOrder[w]) {
                if ((fixed[w] >= 0 && o != fixed[w]) || taken(w, o)) {
                    continue;
                }
                toggle(w, o);
                current[w] = o;
                boolean stop = visit(depth + 1, value + amount[w][o]);
                toggle(w, o);
                if (stop) {
                    return true;
                }
            }
            return false;
        }

        /** Σ over the winners still to place of their greatest bid on a free option; −1 when one has none. */
        private long bestOfTheRest(int depth) {
            long sum = 0;
            for (int d = depth; d < p.winners; d++) {
                int w = order[d];
                long max = -1;
                for (int o : tryOrder[w]) {
                    if ((fixed[w] < 0 || o == fixed[w]) && !taken(w, o)) {
                        max = amount[w][o];
                        break;
                    }
                }
                if (max < 0) {
                    return -1;
                }
                sum += max;
            }
            return sum;
        }

        private boolean taken(int w, int o) {
            long[] m = p.mask[w][o];
            for (int k = 0; k < m.length; k++) {
                if ((m[k] & used[k]) != 0) {
                    return true;
                }
            }
            return false;
        }

        private void toggle(int w, int o) {
            long[] m = p.mask[w][o];
            for (int k = 0; k < m.length; k++) {
                used[k] ^= m[k];
            }
        }
    }
}
