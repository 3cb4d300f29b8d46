package org.ngms.auction.clock.bench;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockBidder;
import org.ngms.auction.clock.ClockProduct;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.ReferenceClockProcessor;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.directive.Stage;
import org.ngms.shared.Percent;

/**
 * A synthetic clock auction of FCC Auction 107's size, processed in memory: 406 areas, 46 of them with two
 * categories and the rest with one (Auction 107's A/BC and ABC split), a third category in a further share of the
 * areas ("up to 3"), 57 bidders each bidding on about 440 products a round, so about 25,000 bid records per round.
 * Every bidder demands high in round 1 and then trims demand with intra-round bids as prices rise, so the excess
 * vanishes over about a hundred rounds. Timed: milliseconds per round (opening, validation, missing bids,
 * processing and the round record) and the whole run; the naive reference processor is timed on a smaller round
 * of the same auction in the same run, as a ratio.
 */
public final class ClockBenchmark {

    /** The figures of one run. */
    public record Figures(int products, int bidders, int rounds, long bidRecords, double meanRoundMillis,
                          double maxRoundMillis, double totalMillis, int referenceBids, double fastSmallMillis,
                          double referenceSmallMillis, boolean ended, long productsInExcess) {
    }

    /** Chance per mille that a bidder trims a product in a round: tuned so that the run lasts about 97 rounds. */
    static final int DECREASE_PER_MILLE = 70;

    private ClockBenchmark() {
    }

    public static ClockSetup auction107Sized(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ClockProduct> products = new ArrayList<>();
        Map<String, Long> opening = new LinkedHashMap<>();
        for (int area = 1; area <= 406; area++) {
            String a = String.format("PEA%03d", area);
            List<String[]> categories = new ArrayList<>();
            if (area <= 46) {
                categories.add(new String[] {"A", "5"});
                categories.add(new String[] {"BC", "9"});
            } else {
                categories.add(new String[] {"ABC", "14"});
            }
            if (area % 4 == 0) {
                categories.add(new String[] {"D", "2"});
            }
            for (String[] c : categories) {
                long reserve = 1000L * (5 + r.nextInt(5000));
                String id = a + "-" + c[0];
                int supply = Integer.parseInt(c[1]);
                products.add(new ClockProduct(id, c[0], a, "3700", supply, reserve, 1 + r.nextInt(50), 20_000,
                        Math.min(supply, 4)));
                opening.put(id, reserve);
            }
        }
        List<ClockBidder> bidders = new ArrayList<>();
        for (int b = 1; b <= 57; b++) {
            bidders.add(new ClockBidder(String.format("bidder%02d", b), false, 1_000_000, Map.of()));
        }
        byte[] tieSeed = new byte[32];
        for (int i = 0; i < 32; i++) {
            tieSeed[i] = (byte) r.nextInt(256);
        }
        Stage.Increment increment = new Stage.Increment(Stage.IncrementBasis.REGULATOR_RANGE, Optional.empty(),
                Optional.of(Percent.of(5)), Optional.of(Percent.of(20)));
        return new ClockSetup("clock", increment, 1000, Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE, Percent.of(95),
                true, products, opening, bidders, List.of(), List.of(), Optional.empty(),
                HexFormat.of().formatHex(tieSeed));
    }

    /** Each bidder's products: about 440 of the auction's, fixed for the run. */
    private static List<List<ClockProduct>> interests(ClockSetup setup, SplittableRandom r) {
        List<List<ClockProduct>> interests = new ArrayList<>();
        for (int b = 0; b < setup.bidders().size(); b++) {
            List<ClockProduct> own = new ArrayList<>();
            for (ClockProduct p : setup.products()) {
                if (r.nextInt(100) < 87) {
                    own.add(p);
                }
            }
            interests.add(own);
        }
        return interests;
    }

    /**
     * A bidder's bids: its demand on each of its products, cut by one block at an intra-round price with a
     * probability that grows as the price climbs above the bidder's own value.
     */
    private static List<Bid> bids(ClockStage stage, RoundPrices prices, List<List<ClockProduct>> interests,
                                  SplittableRandom r, int max, int decreasePerMille) {
        List<Bid> bids = new ArrayList<>(26_000);
        List<ClockBidder> bidders = stage.setup().bidders();
        for (int b = 0; b < bidders.size(); b++) {
            String id = bidders.get(b).id();
            Map<String, Integer> demand = stage.processedDemand(id);
            int taken = 0;
            for (ClockProduct p : interests.get(b)) {
                if (taken++ >= max) {
                    break;
                }
                RoundPrices.Prices pr = prices.of(p.id());
                int current = demand.getOrDefault(p.id(), 0);
                if (prices.round() == 1) {
                    bids.add(new Bid(id, p.id(), 1 + r.nextInt(p.maxPerBidder()), pr.clockPrice()));
                } else if (current > 0 && pr.clockPrice() > pr.startOfRound() && r.nextInt(1000) < decreasePerMille) {
                    long steps = (pr.clockPrice() - pr.startOfRound()) / 1000;
                    long price = Math.min(pr.clockPrice(), pr.startOfRound() + 1000 * r.nextLong(steps + 1));
                    bids.add(new Bid(id, p.id(), current - 1, price));
                } else {
                    bids.add(new Bid(id, p.id(), current, pr.clockPrice()));
                }
            }
        }
        return bids;
    }

    /** Runs up to {@code maxRounds} rounds and times them; then times both processors on a small round. */
    public static Figures run(long seed, int maxRounds) {
        ClockSetup setup = auction107Sized(seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        List<List<ClockProduct>> interests = interests(setup, r);
        ClockStage stage = ClockStage.start(setup);
        long records = 0;
        double max = 0;
        long start = System.nanoTime();
        while (!stage.ended() && stage.nextRound() <= maxRounds) {
            long t0 = System.nanoTime();
            RoundPrices prices = stage.open(Optional.of(Percent.of(10))).orElseThrow();
            List<Bid> bids = bids(stage, prices, interests, r, Integer.MAX_VALUE, DECREASE_PER_MILLE);
            stage = stage.close(prices, bids);
            max = Math.max(max, (System.nanoTime() - t0) / 1e6);
            records += bids.size();
        }
        double total = (System.nanoTime() - start) / 1e6;
        int rounds = stage.rounds().size();

        // the same auction's round 1 cut to a size the naive processor can take, processed by both
        int perBidder = 20;
        ClockStage small = ClockStage.start(setup, new ReferenceClockProcessor());
        RoundPrices first = small.open(Optional.empty()).orElseThrow();
        List<Bid> smallBids = bids(small, first, interests, new SplittableRandom(seed + 2), perBidder, DECREASE_PER_MILLE);
        ClockStage afterOne = small.close(first, smallBids);
        RoundPrices second = afterOne.open(Optional.of(Percent.of(10))).orElseThrow();
        List<Bid> secondBids = bids(afterOne, second, interests, new SplittableRandom(seed + 3), perBidder, 300);
        double fastSmall = timeClose(ClockStage.resume(setup, afterOne.rounds()), second, secondBids);
        double referenceSmall = timeClose(afterOne, second, secondBids);
        return new Figures(setup.products().size(), setup.bidders().size(), rounds, records, total / rounds, max,
                total, secondBids.size(), fastSmall, referenceSmall, stage.ended(),
                stage.rounds().get(rounds - 1).products().stream().filter(p -> p.excessDemand() > 0).count());
    }

    private static double timeClose(ClockStage stage, RoundPrices prices, List<Bid> bids) {
        long t0 = System.nanoTime();
        stage.close(prices, bids);
        return (System.nanoTime() - t0) / 1e6;
    }

    public static void main(String[] args) {
        Figures f = run(args.length > 0 ? Long.parseLong(args[0]) : 107, 97);
        System.out.println(f);
    }
}
