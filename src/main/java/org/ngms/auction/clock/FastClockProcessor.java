package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bid-processing algorithm with arrays and incremental bookkeeping, for rounds of tens of thousands of bids.
 * It returns exactly what {@link ReferenceClockProcessor} returns; the difference is how it finds the first
 * processable bid of the queue after a change without rescanning from the head.
 *
 * <p>Why that is the same thing: whether a bid can be applied depends only on its bidder's unused eligibility and cap
 * room (an increase) or on its product's excess demand (a decrease). Applying an increase of bidder i on product p
 * can only make decreases on p newly applicable; applying a decrease can only make increases of bidder i newly
 * applicable. So a bid found inapplicable is parked under its product (decreases) or bidder (increases) and put back
 * into the candidate set only when such a change happens; the first candidate by queue position is then exactly
 * the first applicable bid a scan from the head would find.
 */
public final class FastClockProcessor implements ClockProcessor {

    @Override
    public Result process(Input input) {
        int productCount = input.products().size();
        int bidderCount = input.bidders().size();
        Map<String, Integer> productIndex = new HashMap<>(productCount * 2);
        long[] supply = new long[productCount];
        long[] points = new long[productCount];
        long[] sor = new long[productCount];
        long[] cp = new long[productCount];
        for (int p = 0; p < productCount; p++) {
            ProductInput in = input.products().get(p);
            productIndex.put(in.product().id(), p);
            supply[p] = in.product().supply();
            points[p] = in.product().eligibilityPoints();
            sor[p] = in.startOfRound();
            cp[p] = in.clockPrice();
        }
        Map<String, Integer> bidderIndex = new HashMap<>(bidderCount * 2);
        int[][] demand = new int[bidderCount][productCount];
        long[] unused = new long[bidderCount];
        long[] excess = new long[productCount];
        for (int p = 0; p < productCount; p++) {
            excess[p] = -supply[p];
        }
        for (int b = 0; b < bidderCount; b++) {
            BidderInput in = input.bidders().get(b);
            bidderIndex.put(in.id(), b);
            long activity = 0;
            for (var d : in.demand().entrySet()) {
                int p = productIndex.get(d.getKey());
                demand[b][p] = d.getValue();
                excess[p] += d.getValue();
                activity += points[p] * d.getValue();
            }
            unused[b] = in.eligibility() - activity;
        }

        // caps: per product the caps it counts in and its kHz there; per bidder and cap the room left
        int capCount = input.caps().size();
        int[][] capsOf = new int[productCount][];
        long[][] capKhz = new long[productCount][];
        long[][] room = new long[bidderCount][capCount];
        List<List<long[]>> perProduct = new ArrayList<>();
        for (int p = 0; p < productCount; p++) {
            perProduct.add(new ArrayList<>(2));
        }
        for (int c = 0; c < capCount; c++) {
            CapRule cap = input.caps().get(c);
            for (var e : cap.khzPerBlock().entrySet()) {
                Integer p = productIndex.get(e.getKey());
                if (p != null && e.getValue() > 0) {
                    perProduct.get(p).add(new long[] {c, e.getValue()});
                }
            }
            for (int b = 0; b < bidderCount; b++) {
                long used = cap.existing(input.bidders().get(b).id());
                for (var e : cap.khzPerBlock().entrySet()) {
                    Integer p = productIndex.get(e.getKey());
                    if (p != null) {
                        used += e.getValue() * demand[b][p];
                    }
                }
                room[b][c] = cap.limitKhz() - used;
            }
        }
        for (int p = 0; p < productCount; p++) {
            List<long[]> list = perProduct.get(p);
            capsOf[p] = new int[list.size()];
            capKhz[p] = new long[list.size()];
            for (int k = 0; k < list.size(); k++) {
                capsOf[p][k] = (int) list.get(k)[0];
                capKhz[p][k] = list.get(k)[1];
            }
        }

        // the queue: demand-changing bids by price point, then tie number
        TieNumbers ties = new TieNumbers(HexFormat.of().parseHex(input.seedHex()), input.stage(), input.round());
        List<QueuedBid> queued = new ArrayList<>();
        for (Bid bid : input.bids()) {
            int b = bidderIndex.get(bid.bidder());
            int p = productIndex.get(bid.product());
            if (bid.quantity() == demand[b][p]) {
                continue;
            }
            queued.add(new QueuedBid(bid, b, p, demand[b][p], PricePoint.of(bid.price(), sor[p], cp[p]),
                    ties.of(bid.bidder(), bid.product())));
        }
        QueuedBid[] queue = queued.toArray(new QueuedBid[0]);
        Arrays.sort(queue, FastClockProcessor::queueOrder);

        int n = queue.length;
        BitSet candidates = new BitSet(n);
        candidates.set(0, n);
        IntList[] parkedDecreases = new IntList[productCount];
        IntList[] parkedIncreases = new IntList[bidderCount];
        long[] highestDecrease = new long[productCount];
        Arrays.fill(highestDecrease, -1);

        int k = candidates.nextSetBit(0);
        while (k >= 0) {
            QueuedBid q = queue[k];
            int b = q.bidder;
            int p = q.product;
            int current = demand[b][p];
            int target = q.bid.quantity();
            if (target > current) {
                long step = target - current;
                if (points[p] > 0) {
                    step = Math.min(step, unused[b] / points[p]);
                }
                for (int c = 0; c < capsOf[p].length; c++) {
                    step = Math.min(step, Math.max(0, room[b][capsOf[p][c]]) / capKhz[p][c]);
                }
                if (step <= 0) {
                    candidates.clear(k);
                    parkedIncreases[b] = IntList.add(parkedIncreases[b], k);
                    k = candidates.nextSetBit(k + 1);
                    continue;
                }
                demand[b][p] += (int) step;
                excess[p] += step;
                unused[b] -= step * points[p];
                for (int c = 0; c < capsOf[p].length; c++) {
                    room[b][capsOf[p][c]] -= step * capKhz[p][c];
                }
                release(parkedDecreases, p, candidates);
            } else {
                long step = Math.min(current - target, excess[p]);
                if (step <= 0) {
                    candidates.clear(k);
                    parkedDecreases[p] = IntList.add(parkedDecreases[p], k);
                    k = candidates.nextSetBit(k + 1);
                    continue;
                }
                demand[b][p] -= (int) step;
                excess[p] -= step;
                unused[b] += step * points[p];
                for (int c = 0; c < capsOf[p].length; c++) {
                    room[b][capsOf[p][c]] += step * capKhz[p][c];
                }
                highestDecrease[p] = Math.max(highestDecrease[p], q.bid.price());
                release(parkedIncreases, b, candidates);
            }
            if (demand[b][p] == target) {
                candidates.clear(k);
            }
            k = candidates.nextSetBit(0);
        }

        Map<String, Long> posted = new TreeMap<>();
        for (int p = 0; p < productCount; p++) {
            posted.put(input.products().get(p).product().id(),
                    ClockProcessor.postedPrice(excess[p], highestDecrease[p], sor[p], cp[p]));
        }
        HexFormat hex = HexFormat.of();
        List<ClockRound.BidResult> results = new ArrayList<>(n);
        for (QueuedBid q : queue) {
            results.add(new ClockRound.BidResult(q.bid.bidder(), q.bid.product(), q.from, q.bid.quantity(),
                    q.bid.price(), q.pricePoint, hex.formatHex(q.tie), demand[q.bidder][q.product]));
        }
        Map<String, Map<String, Integer>> finalDemand = new TreeMap<>();
        for (int b = 0; b < bidderCount; b++) {
            Map<String, Integer> nonZero = new TreeMap<>();
            for (int p = 0; p < productCount; p++) {
                if (demand[b][p] != 0) {
                    nonZero.put(input.products().get(p).product().id(), demand[b][p]);
                }
            }
            finalDemand.put(input.bidders().get(b).id(), nonZero);
        }
        return new Result(finalDemand, posted, results);
    }

    private static void release(IntList[] parked, int key, BitSet candidates) {
        IntList list = parked[key];
        if (list != null) {
            for (int i = 0; i < list.size; i++) {
                candidates.set(list.values[i]);
            }
            list.size = 0;
        }
    }

    private static int queueOrder(QueuedBid a, QueuedBid b) {
        int byPoint = a.pricePoint.compareTo(b.pricePoint);
        if (byPoint != 0) {
            return byPoint;
        }
        int byTie = Arrays.compareUnsigned(a.tie, b.tie);
        if (byTie != 0) {
            return byTie;
        }
        int byBidder = a.bid.bidder().compareTo(b.bid.bidder());
        return byBidder != 0 ? byBidder : a.bid.product().compareTo(b.bid.product());
    }

    private record QueuedBid(Bid bid, int bidder, int product, int from, PricePoint pricePoint, byte[] tie) {
    }

    /** A growable list of queue positions. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        static IntList add(IntList list, int value) {
            IntList l = list == null ? new IntList() : list;
            if (l.size == l.values.length) {
                l.values = Arrays.copyOf(l.values, l.size * 2);
            }
            l.values[l.size++] = value;
            return l;
        }
    }
}
