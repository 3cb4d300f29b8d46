package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.ngms.auction.clock.CapRule;
import org.ngms.shared.Percent;

/**
 * Seeded random SMRA auctions: a few licences and bidders, every increment rule, click boxes, staged activity,
 * waivers, withdrawals and caps, and bidders with private values who bid, wait, waive, withdraw and now and then
 * send something a rule refuses.
 */
final class RandomSmraAuctions {

    private RandomSmraAuctions() {
    }

    static SmraSetup setup(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long multiple = r.nextBoolean() ? 1 : 1000;
        List<SmraLicence> licences = new ArrayList<>();
        int licenceCount = 1 + r.nextInt(4);
        for (int l = 0; l < licenceCount; l++) {
            licences.add(new SmraLicence("l" + l, "c" + (l % 2), "area", "band" + (l % 2),
                    multiple * (10 + r.nextInt(200)), 1 + r.nextInt(5), 1000L * (1 + r.nextInt(3)),
                    r.nextInt(6) == 0));
        }
        List<SmraBidder> bidders = new ArrayList<>();
        int bidderCount = 2 + r.nextInt(4);
        for (int b = 0; b < bidderCount; b++) {
            bidders.add(new SmraBidder("b" + b, r.nextInt(3) == 0, r.nextInt(12) == 0 ? 0 : 2 + r.nextInt(12),
                    Map.of("band0", 1000L * r.nextInt(2))));
        }
        List<CapRule> caps = new ArrayList<>();
        if (r.nextBoolean()) {
            caps.add(SmraSetup.bandCap("band0", List.of("band0"), 2000L + 1000L * r.nextInt(5), licences, bidders));
        }
        SmraIncrement increment = switch (r.nextInt(3)) {
            case 0 -> new SmraIncrement.FixedPercent(Percent.of(5 + r.nextInt(26)));
            case 1 -> new SmraIncrement.RegulatorRange(Percent.of(5), Percent.of(5 + r.nextInt(20)));
            default -> SmraIncrement.ActivityBased.fcc();
        };
        SmraSetup.ClickBox box = r.nextBoolean() ? SmraSetup.ClickBox.minimumOnly()
                : new SmraSetup.ClickBox(1 + r.nextInt(4), Percent.of(5 + r.nextInt(10)));
        List<SmraSetup.ActivityStage> activity = r.nextBoolean()
                ? List.of(new SmraSetup.ActivityStage(1, Percent.of(100)))
                : List.of(new SmraSetup.ActivityStage(1, Percent.of(80)), new SmraSetup.ActivityStage(
                        2 + r.nextInt(4), Percent.of(90)), new SmraSetup.ActivityStage(8, Percent.of(100)));
        byte[] tieSeed = new byte[32];
        for (int i = 0; i < 32; i++) {
            tieSeed[i] = (byte) r.nextInt(256);
        }
        return new SmraSetup("smra", licences, bidders, caps, increment, box, multiple, activity, r.nextInt(4),
                r.nextBoolean(), r.nextInt(3), Percent.of(3 + r.nextInt(13)), HexFormat.of().formatHex(tieSeed));
    }

    /** Each bidder's private value per licence: between the minimum opening bid and three times it. */
    static Map<String, Map<String, Long>> values(SmraSetup setup, SplittableRandom r) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (SmraBidder b : setup.bidders()) {
            Map<String, Long> own = new LinkedHashMap<>();
            for (SmraLicence l : setup.licences()) {
                own.put(l.id(), l.minimumOpeningBid() + r.nextLong(2 * l.minimumOpeningBid() + 1));
            }
            values.put(b.id(), own);
        }
        return values;
    }

    static List<SmraActions> actions(SmraSetup setup, SmraStage stage, SmraPrices prices,
                                     Map<String, Map<String, Long>> values, SplittableRandom r) {
        List<SmraActions> actions = new ArrayList<>();
        for (SmraBidder b : setup.bidders()) {
            if (r.nextInt(4) == 0) {
                continue;
            }
            List<SmraBid> bids = new ArrayList<>();
            List<String> withdrawals = new ArrayList<>();
            for (SmraLicence l : setup.licences()) {
                SmraState.LicenceState s = stage.state().licence(l.id());
                if (s.standingHigh(b.id())) {
                    if (r.nextInt(25) == 0) {
                        withdrawals.add(l.id());
                    }
                    continue;
                }
                List<Long> box = prices.of(l.id()).clickBox();
                long amount = box.get(r.nextInt(box.size()));
                if (r.nextInt(40) == 0) {
                    amount = box.get(0) - 1;
                } else if (r.nextInt(40) == 0) {
                    amount = box.get(0) + 1;
                }
                if (amount <= values.get(b.id()).get(l.id()) && r.nextInt(3) != 0) {
                    bids.add(new SmraBid(l.id(), amount));
                }
            }
            boolean waiver = bids.isEmpty() && r.nextInt(6) == 0;
            boolean reduce = r.nextInt(30) == 0;
            actions.add(new SmraActions(b.id(), bids, withdrawals, waiver, reduce));
        }
        if (r.nextInt(30) == 0) {
            actions.add(SmraActions.bid("stranger", setup.licences().get(0).id(), 1));
        }
        return actions;
    }

    static SmraStage run(long seed, SmraProcessor processor, int maxRounds) {
        SmraSetup setup = setup(seed);
        SmraStage stage = SmraStage.start(setup, processor);
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        Map<String, Map<String, Long>> values = values(setup, r);
        while (!stage.ended() && stage.nextRound() <= maxRounds) {
            Optional<Percent> increment = Optional.empty();
            if (setup.increment() instanceof SmraIncrement.RegulatorRange range) {
                long bp = range.min().basisPoints() + r.nextLong(range.max().basisPoints()
                        - range.min().basisPoints() + 1);
                increment = Optional.of(new Percent(bp));
            }
            SmraPrices prices = stage.open(increment).orElseThrow();
            stage = stage.close(prices, actions(setup, stage, prices, values, r));
        }
        return stage;
    }
}
