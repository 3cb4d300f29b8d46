package org.ngms.auction.clock;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ngms.audit.Randomness;

/**
 * The bid-processing algorithm written as plainly as the rulebook, for small rounds and as the oracle of
 * {@link FastClockProcessor}: every quantity (excess demand, unused eligibility, cap room) is recomputed from the
 * processed demand each time it is needed, price points are compared as {@link BigInteger} fractions, tie numbers
 * come straight from {@link Randomness#derive}, and after every change the scan starts again at the head of the
 * queue. Quadratic and slow on purpose.
 */
public final class ReferenceClockProcessor implements ClockProcessor {

    private static final class Entry {
        final Bid bid;
        final int from;
        final ClockProduct product;
        final long sor;
        final long cp;
        final byte[] tie;

        Entry(Bid bid, int from, ClockProduct product, long sor, long cp, byte[] tie) {
            this.bid = bid;
            this.from = from;
            this.product = product;
            this.sor = sor;
            this.cp = cp;
            this.tie = tie;
        }

        /** (price − SOR) / (CP − SOR), or 1 when the clock did not move. */
        BigInteger[] pricePoint() {
            if (cp == sor) {
                return new BigInteger[] {BigInteger.ONE, BigInteger.ONE};
            }
            return new BigInteger[] {BigInteger.valueOf(bid.price() - sor), BigInteger.valueOf(cp - sor)};
        }
    }

    @Override
    public Result process(Input input) {
        byte[] seed = HexFormat.of().parseHex(input.seedHex());
        Map<String, ProductInput> products = new HashMap<>();
        input.products().forEach(p -> products.put(p.product().id(), p));
        Map<String, Integer> eligibility = new HashMap<>();
        Map<String, Map<String, Integer>> demand = new TreeMap<>();
        for (BidderInput b : input.bidders()) {
            eligibility.put(b.id(), b.eligibility());
            demand.put(b.id(), new TreeMap<>(b.demand()));
        }

        List<Entry> queue = new ArrayList<>();
        for (Bid bid : input.bids()) {
            int from = demand.get(bid.bidder()).getOrDefault(bid.product(), 0);
            if (bid.quantity() == from) {
                continue;
            }
            ProductInput p = products.get(bid.product());
            byte[] tie = Randomness.derive(seed,
                    ClockProcessor.tieContext(input.stage(), input.round(), bid.bidder(), bid.product()));
            queue.add(new Entry(bid, from, p.product(), p.startOfRound(), p.clockPrice(), tie));
        }
        queue.sort(Comparator.<Entry, BigInteger[]>comparing(Entry::pricePoint,
                        (a, b) -> a[0].multiply(b[1]).compareTo(b[0].multiply(a[1])))
                .thenComparing((a, b) -> Arrays.compareUnsigned(a.tie, b.tie))
                .thenComparing(e -> e.bid.bidder())
                .thenComparing(e -> e.bid.product()));
        List<Entry> order = List.copyOf(queue);

        Map<String, Long> highestDecrease = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Entry e : queue) {
                Map<String, Integer> own = demand.get(e.bid.bidder());
                int current = own.getOrDefault(e.product.id(), 0);
                int step;
                if (e.bid.quantity() > current) {
                    step = increaseAllowed(e, input, products, eligibility, demand);
                } else {
                    step = -decreaseAllowed(e, input, demand);
                }
                if (step == 0) {
                    continue;
                }
                own.put(e.product.id(), current + step);
                if (step < 0) {
                    highestDecrease.merge(e.product.id(), e.bid.price(), Math::max);
                }
                if (current + step == e.bid.quantity()) {
                    queue.remove(e);
                }
                changed = true;
                break;
            }
        }

        Map<String, Long> posted = new TreeMap<>();
        for (ProductInput p : input.products()) {
            long excess = aggregate(demand, p.product().id()) - p.product().supply();
            posted.put(p.product().id(), ClockProcessor.postedPrice(excess,
                    highestDecrease.getOrDefault(p.product().id(), -1L), p.startOfRound(), p.clockPrice()));
        }
        List<ClockRound.BidResult> results = new ArrayList<>();
        for (Entry e : order) {
            BigInteger[] pp = e.pricePoint();
            results.add(new ClockRound.BidResult(e.bid.bidder(), e.product.id(), e.from, e.bid.quantity(),
                    e.bid.price(), new PricePoint(pp[0].longValueExact(), pp[1].longValueExact()),
                    HexFormat.of().formatHex(e.tie), demand.get(e.bid.bidder()).getOrDefault(e.product.id(), 0)));
        }
        Map<String, Map<String, Integer>> finalDemand = new TreeMap<>();
        demand.forEach((bidder, d) -> {
            Map<String, Integer> nonZero = new TreeMap<>();
            d.forEach((product, q) -> {
                if (q != 0) {
                    nonZero.put(product, q);
                }
            });
            finalDemand.put(bidder, nonZero);
        });
        return new Result(finalDemand, posted, results);
    }

    /** Blocks of an increase that fit the bidder's unused eligibility and every cap, at most the asked increase. */
    private static int increaseAllowed(Entry e, Input input, Map<String, ProductInput> products,
                                       Map<String, Integer> eligibility, Map<String, Map<String, Integer>> demand) {
        Map<String, Integer> own = demand.get(e.bid.bidder());
        long step = e.bid.quantity() - own.getOrDefault(e.product.id(), 0);
        long activity = 0;
        for (var d : own.entrySet()) {
            activity += (long) products.get(d.getKey()).product().eligibilityPoints() * d.getValue();
        }
        long unused = eligibility.get(e.bid.bidder()) - activity;
        if (e.product.eligibilityPoints() > 0) {
            step = Math.min(step, unused / e.product.eligibilityPoints());
        }
        for (CapRule cap : input.caps()) {
            Long khz = cap.khzPerBlock().get(e.product.id());
            if (khz == null || khz == 0) {
                continue;
            }
            long room = cap.limitKhz() - cap.used(e.bid.bidder(), own);
            step = Math.min(step, Math.max(0, room) / khz);
        }
        return (int) Math.max(0, step);
    }

    /** Blocks of a decrease that keep the product's demand at or above supply, at most the asked decrease. */
    private static int decreaseAllowed(Entry e, Input input, Map<String, Map<String, Integer>> demand) {
        long excess = aggregate(demand, e.product.id()) - e.product.supply();
        long step = demand.get(e.bid.bidder()).getOrDefault(e.product.id(), 0) - e.bid.quantity();
        return (int) Math.max(0, Math.min(step, excess));
    }

    private static long aggregate(Map<String, Map<String, Integer>> demand, String product) {
        return demand.values().stream().mapToLong(d -> d.getOrDefault(product, 0)).sum();
    }
}
