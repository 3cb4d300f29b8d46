package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;
import org.ngms.shared.Percent;

/** Seeded random clock auctions: small products, bidders, caps and rules, and random bids each round. */
final class RandomAuctions {

    private RandomAuctions() {
    }

    static ClockSetup setup(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int productCount = 1 + r.nextInt(4);
        int bidderCount = 3 + r.nextInt(4);
        long multiple = r.nextBoolean() ? 1 : 10;
        List<ClockProduct> products = new ArrayList<>();
        Map<String, Long> opening = new LinkedHashMap<>();
        for (int p = 0; p < productCount; p++) {
            int supply = 1 + r.nextInt(5);
            long reserve = multiple * (10 + r.nextInt(200));
            String id = "p" + p;
            products.add(new ClockProduct(id, id, "area", "band" + (p % 2), supply, reserve, 1 + r.nextInt(5),
                    1000L * (1 + r.nextInt(3)), 1 + r.nextInt(supply)));
            opening.put(id, reserve);
        }
        List<ClockBidder> bidders = new ArrayList<>();
        for (int b = 0; b < bidderCount; b++) {
            bidders.add(new ClockBidder("b" + b, r.nextInt(3) == 0, 5 + r.nextInt(40),
                    Map.of("band0", new Mhz(1000L * r.nextInt(3)))));
        }
        List<CapRule> caps = new ArrayList<>();
        if (r.nextBoolean()) {
            Map<String, Long> khz = new LinkedHashMap<>();
            products.stream().filter(p -> p.band().equals("band0")).forEach(p -> khz.put(p.id(), p.khzPerBlock()));
            Map<String, Long> existing = new LinkedHashMap<>();
            bidders.forEach(b -> existing.put(b.id(), b.holdings().get("band0").khz()));
            caps.add(new CapRule("band0", khz, 2000L + 1000L * r.nextInt(8), existing));
        }
        List<EligibilityCondition> conditions = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            conditions.add(new EligibilityCondition("min-p0", EligibilityCondition.Type.MINIMUM_FIRST_ROUND_DEMAND,
                    EligibilityCondition.AppliesTo.INCUMBENTS, List.of("p0"), List.of(), Optional.empty(),
                    Optional.of("clock"), Optional.of(1), Optional.of(
                    EligibilityCondition.Consequence.EXCLUDE_AND_FORFEIT_DEPOSIT)));
        }
        Stage.IncrementBasis basis = r.nextBoolean() ? Stage.IncrementBasis.PERCENT_OF_POSTED_PRICE
                : Stage.IncrementBasis.PERCENT_OF_RESERVE;
        Stage.Increment increment = new Stage.Increment(basis, Optional.of(Percent.of(5 + r.nextInt(16))),
                Optional.empty(), Optional.empty());
        byte[] tieSeed = new byte[32];
        for (int i = 0; i < 32; i++) {
            tieSeed[i] = (byte) r.nextInt(256);
        }
        return new ClockSetup("clock", increment, multiple,
                r.nextBoolean() ? Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE : Stage.MissingBid.DROP_TO_ZERO,
                Percent.of(80 + r.nextInt(21)), r.nextInt(5) != 0, products, opening, bidders, caps, conditions,
                Optional.of(Percent.of(50)), HexFormat.of().formatHex(tieSeed));
    }

    /** Random bids for the open round; bidders grow keener to leave as prices rise, so auctions end. */
    static List<Bid> bids(ClockSetup setup, ClockStage stage, RoundPrices prices, SplittableRandom r) {
        List<Bid> bids = new ArrayList<>();
        for (ClockBidder b : setup.bidders()) {
            for (ClockProduct p : setup.products()) {
                if (r.nextInt(3) == 0) {
                    continue;
                }
                RoundPrices.Prices pr = prices.of(p.id());
                int current = stage.processedDemand(b.id()).getOrDefault(p.id(), 0);
                double rise = (double) pr.clockPrice() / Math.max(1, p.reserve());
                int quantity;
                if (prices.round() == 1 && r.nextInt(5) != 0) {
                    quantity = p.maxPerBidder();
                } else if (r.nextDouble() < 0.12 * rise) {
                    quantity = Math.max(0, current - 1 - r.nextInt(2));
                } else {
                    quantity = r.nextInt(p.maxPerBidder() + 2) - (r.nextInt(20) == 0 ? 1 : 0);
                }
                long price = pr.clockPrice();
                if (setup.intraRoundBids() && pr.clockPrice() > pr.startOfRound() && r.nextBoolean()) {
                    long steps = (pr.clockPrice() - pr.startOfRound()) / setup.bidMultiple();
                    price = pr.startOfRound() + setup.bidMultiple() * r.nextLong(steps + 1);
                    price = Math.min(price, pr.clockPrice());
                }
                if (r.nextInt(50) == 0) {
                    price = pr.clockPrice() + 1;
                }
                bids.add(new Bid(b.id(), p.id(), quantity, price));
            }
        }
        return bids;
    }

    /** Runs an auction of at most {@code maxRounds} rounds with bids drawn from {@code seed}. */
    static ClockStage run(long seed, ClockProcessor processor, int maxRounds) {
        ClockSetup setup = setup(seed);
        ClockStage stage = ClockStage.start(setup, processor);
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        while (!stage.ended() && stage.nextRound() <= maxRounds) {
            RoundPrices prices = stage.open(Optional.empty()).orElseThrow();
            stage = stage.close(prices, bids(setup, stage, prices, r));
        }
        return stage;
    }
}
