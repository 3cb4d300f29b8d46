package org.ngms.optimiser.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;

/**
 * An instance in arrays for the searches: winners in market order, their options in listing order, each option's
 * blocks as a bit mask, its bid, and the tie rule's ranks computed once.
 */
final class IndexedAssignment {

    final AssignmentInstance instance;
    final int winners;
    /** Words of 64 blocks in a mask. */
    final int words;
    final String[] bidder;
    final String[][] optionId;
    final long[][][] mask;
    final long[][] amount;
    /** Per winner, its option numbers from highest to lowest tie rank. */
    final int[][] rank;
    /** Per winner, the tie rank of each option: 0 for the highest. */
    final int[][] rankOf;
    /** Winner numbers in the tie rule's order: ascending UTF-8 bytes of the bidder id. */
    final int[] tieOrder;

    IndexedAssignment(AssignmentInstance instance) {
        this.instance = instance;
        AssignmentMarket market = instance.market();
        winners = market.winners().size();
        words = (market.blocks() + 63) / 64;
        bidder = new String[winners];
        optionId = new String[winners][];
        mask = new long[winners][][];
        amount = new long[winners][];
        rank = new int[winners][];
        rankOf = new int[winners][];
        Mac mac = instance.tieRule().mac();
        for (int w = 0; w < winners; w++) {
            MarketWinner winner = market.winners().get(w);
            List<AssignmentOption> options = winner.options();
            bidder[w] = winner.bidder();
            optionId[w] = new String[options.size()];
            mask[w] = new long[options.size()][words];
            amount[w] = new long[options.size()];
            byte[][] tie = new byte[options.size()][];
            for (int o = 0; o < options.size(); o++) {
                AssignmentOption option = options.get(o);
                optionId[w][o] = option.id();
                for (int block : option.blocks()) {
                    mask[w][o][block >>> 6] |= 1L << (block & 63);
                }
                amount[w][o] = instance.amount(winner.bidder(), option.id());
                tie[o] = mac.doFinal(instance.tieRule().message(winner.bidder(), option.id()));
            }
            String[] ids = optionId[w];
            Comparator<Integer> higherRank = (a, b) -> Arrays.compareUnsigned(tie[b], tie[a]);
            rank[w] = sorted(options.size(), higherRank.thenComparing((a, b) ->
                    AssignmentTieRule.ID_ORDER.compare(ids[a], ids[b])));
            rankOf[w] = new int[options.size()];
            for (int r = 0; r < rank[w].length; r++) {
                rankOf[w][rank[w][r]] = r;
            }
        }
        tieOrder = sorted(winners, (a, b) -> AssignmentTieRule.ID_ORDER.compare(bidder[a], bidder[b]));
    }

    static int[] sorted(int count, Comparator<Integer> order) {
        List<Integer> numbers = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            numbers.add(k);
        }
        numbers.sort(order);
        return numbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Why no complete assignment of a market can exist, when that is plain without a search; null otherwise. */
    static String plainlyInfeasible(AssignmentMarket market) {
        long needed = 0;
        for (MarketWinner winner : market.winners()) {
            if (winner.options().isEmpty()) {
                return "winner " + winner.bidder() + " has no option, so no complete assignment exists";
            }
            needed += winner.quantity();
        }
        if (needed > market.blocks()) {
            return "the winners hold " + needed + " blocks between them, market " + market.id() + " has "
                    + market.blocks() + ", so no complete assignment exists";
        }
        return null;
    }

    boolean overlap(int w, int o, int v, int q) {
        long[] a = mask[w][o];
        long[] b = mask[v][q];
        for (int k = 0; k < a.length; k++) {
            if ((a[k] & b[k]) != 0) {
                return true;
            }
        }
        return false;
    }

    long value(int[] option) {
        long value = 0;
        for (int w = 0; w < winners; w++) {
            value += amount[w][option[w]];
        }
        return value;
    }

    Map<String, String> chosen(int[] option) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int w = 0; w < winners; w++) {
            chosen.put(bidder[w], optionId[w][option[w]]);
        }
        return chosen;
    }

    /** Option numbers of a complete, non-overlapping assignment; null when it is anything else. */
    int[] numbers(Map<String, String> chosen) {
        if (chosen == null || !instance.brokenRules(chosen).isEmpty()) {
            return null;
        }
        int[] option = new int[winners];
        for (int w = 0; w < winners; w++) {
            option[w] = Arrays.asList(optionId[w]).indexOf(chosen.get(bidder[w]));
        }
        return option;
    }
}
