package org.ngms.optimiser.assignment;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Markets for tests: every contiguous option of a winner's quantity, seeded random markets, and a brute force that
 * enumerates every combination of options and applies the documented tie rule written out again from its Javadoc
 * (tie numbers as unsigned BigIntegers, winners sorted by their UTF-8 bytes), not through the code under test.
 */
public final class AssignmentMarkets {

    public static final byte[] SEED = {1, 2, 3, 4};
    public static final String CONTEXT = "assignment/test/market/m";

    private static final String[] NAMES = {"jazz", "ufone", "zong", "Zong", "telenor", "scom", "éclat", "b2"};

    private AssignmentMarkets() {
    }

    /** Every run of {@code quantity} blocks in {@code blocks}, as options named by their first and last block. */
    public static List<AssignmentOption> everyRun(int blocks, int quantity) {
        List<AssignmentOption> options = new ArrayList<>();
        for (int first = 0; first + quantity <= blocks; first++) {
            options.add(run(first, quantity));
        }
        return options;
    }

    public static AssignmentOption run(int first, int quantity) {
        List<Integer> blocks = new ArrayList<>();
        for (int b = first; b < first + quantity; b++) {
            blocks.add(b);
        }
        return new AssignmentOption(first + "-" + (first + quantity - 1), blocks);
    }

    public static MarketWinner winner(String bidder, int quantity, int blocks) {
        return new MarketWinner(bidder, quantity, everyRun(blocks, quantity));
    }

    /** A seeded random market of 2 to 4 winners on 3 to 10 blocks, with bids from a few small amounts (many ties). */
    public static AssignmentInstance random(long seed) {
        Random random = new Random(seed);
        int blocks = 3 + random.nextInt(8);
        int count = 2 + random.nextInt(3);
        Set<Integer> reserved = new HashSet<>();
        if (random.nextInt(3) == 0) {
            reserved.add(random.nextInt(blocks));
        }
        List<String> names = new ArrayList<>(List.of(NAMES));
        Collections.shuffle(names, random);
        List<MarketWinner> winners = new ArrayList<>();
        Map<String, Map<String, Long>> bids = new LinkedHashMap<>();
        long[] amounts = {0, 0, 1, 2, 3, 3, 5, 8, 100};
        for (int w = 0; w < count; w++) {
            int quantity = 1 + random.nextInt(Math.max(1, Math.min(3, blocks / count)));
            List<AssignmentOption> options = new ArrayList<>();
            for (AssignmentOption option : everyRun(blocks, quantity)) {
                boolean clear = option.blocks().stream().noneMatch(reserved::contains);
                if (clear && random.nextInt(10) < 7) {
                    options.add(option);
                }
            }
            String bidder = names.get(w);
            winners.add(new MarketWinner(bidder, quantity, options));
            Map<String, Long> own = new LinkedHashMap<>();
            for (AssignmentOption option : options) {
                if (random.nextBoolean()) {
                    own.put(option.id(), amounts[random.nextInt(amounts.length)]);
                }
            }
            if (!own.isEmpty() || random.nextBoolean()) {
                bids.put(bidder, own);
            }
        }
        byte[] tieSeed = new byte[8];
        random.nextBytes(tieSeed);
        return new AssignmentInstance(new AssignmentMarket("m" + seed, blocks, winners), bids, tieSeed,
                "assignment/test/market/m" + seed);
    }

    /** Every complete assignment free of overlaps, each as option id per bidder in market order. */
    public static List<Map<String, String>> completeAssignments(AssignmentMarket market) {
        List<Map<String, String>> all = new ArrayList<>();
        extend(market, 0, new LinkedHashMap<>(), new HashSet<>(), all);
        return all;
    }

    private static void extend(AssignmentMarket market, int w, LinkedHashMap<String, String> partial,
            Set<Integer> used, List<Map<String, String>> all) {
        if (w == market.winners().size()) {
            all.add(new LinkedHashMap<>(partial));
            return;
        }
        MarketWinner winner = market.winners().get(w);
        for (AssignmentOption option : winner.options()) {
            if (option.blocks().stream().noneMatch(used::contains)) {
                partial.put(winner.bidder(), option.id());
                used.addAll(option.blocks());
                extend(market, w + 1, partial, used, all);
                used.removeAll(option.blocks());
                partial.remove(winner.bidder());
            }
        }
    }

    /** wd(K) by enumeration; null when no complete assignment exists. */
    public static Long wd(AssignmentInstance instance, Set<String> coalition) {
        Long best = null;
        for (Map<String, String> assignment : completeAssignments(instance.market())) {
            long value = 0;
            for (String bidder : coalition) {
                value += instance.amount(bidder, assignment.get(bidder));
            }
            best = best == null ? value : Math.max(best, value);
        }
        return best;
    }

    /** The optimal assignment the documented tie rule picks, by enumeration; null when there is none. */
    public static Map<String, String> bruteForce(AssignmentInstance instance) {
        List<Map<String, String>> all = completeAssignments(instance.market());
        long best = -1;
        for (Map<String, String> assignment : all) {
            best = Math.max(best, value(instance, assignment));
        }
        List<String> order = new ArrayList<>();
        instance.market().winners().forEach(w -> order.add(w.bidder()));
        order.sort((a, b) -> utf8(a).compareTo(utf8(b)));
        Map<String, String> chosen = null;
        for (Map<String, String> assignment : all) {
            if (value(instance, assignment) == best && (chosen == null || preferred(instance, order, assignment,
                    chosen))) {
                chosen = assignment;
            }
        }
        return chosen;
    }

    private static long value(AssignmentInstance instance, Map<String, String> assignment) {
        long value = 0;
        for (Map.Entry<String, String> e : assignment.entrySet()) {
            value += instance.amount(e.getKey(), e.getValue());
        }
        return value;
    }

    private static boolean preferred(AssignmentInstance instance, List<String> order, Map<String, String> a,
            Map<String, String> b) {
        for (String bidder : order) {
            int c = tieNumber(instance, bidder, a.get(bidder)).compareTo(tieNumber(instance, bidder, b.get(bidder)));
            if (c == 0) {
                c = utf8(b.get(bidder)).compareTo(utf8(a.get(bidder)));
            }
            if (c != 0) {
                return c > 0;
            }
        }
        return false;
    }

    /** The bytes of an id as a string of code points 0-255, so that String order is unsigned byte order. */
    private static String utf8(String id) {
        return new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    public static BigInteger tieNumber(AssignmentInstance instance, String bidder, String option) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(instance.tieRule().seed(), "HmacSHA256"));
            String message = instance.tieRule().context() + "/" + bidder + "/" + option;
            return new BigInteger(1, mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
