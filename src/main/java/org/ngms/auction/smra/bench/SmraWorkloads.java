package org.ngms.auction.smra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.ngms.auction.smra.SmraBidder;
import org.ngms.auction.smra.SmraIncrement;
import org.ngms.auction.smra.SmraLicence;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.shared.Percent;

/**
 * The synthetic SMRA auctions of {@code bench smra}, drawn from a seed: the same seed gives the same licences,
 * bidders, private values, waiver users and tie seed. Every licence is one area in one band; its minimum opening bid
 * is a band base times an area factor, its bidding units that bid over {@link #UNIT_VALUE}. A bidder values a licence
 * it is interested in at between its minimum opening bid and {@code 100 + valueSpread} % of it, and starts with
 * eligibility for a share of all bidding units. Money is whole currency units, every amount a multiple of
 * {@link #BID_MULTIPLE}.
 */
public final class SmraWorkloads {

    public static final long BID_MULTIPLE = 1_000;
    /** One bidding unit per this much minimum opening bid. */
    public static final long UNIT_VALUE = 10_000_000;
    private static final long BASE_OPENING_BID = 100_000_000;

    /**
     * The size and shape of one synthetic auction: {@code areas × bands} licences; each bidder interested in a
     * licence with probability {@code interestPercent} %, eligible for {@code eligibilityPercent} % of all bidding
     * units (± a fifth), valuing it up to {@code 100 + valueSpread} % of the minimum opening bid; one bidder in
     * {@code waiverEvery} uses proactive waivers.
     */
    public record Shape(int areas, int bands, int bidders, int interestPercent, int eligibilityPercent,
                        int valueSpread, int waiverEvery, SmraIncrement increment) {
        public Shape {
            Objects.requireNonNull(increment, "increment");
            if (areas < 1 || bands < 1 || bidders < 1) {
                throw new IllegalArgumentException("areas, bands and bidders must be at least 1, got " + areas + ", "
                        + bands + ", " + bidders);
            }
            if (interestPercent < 1 || interestPercent > 100 || eligibilityPercent < 1 || eligibilityPercent > 100) {
                throw new IllegalArgumentException("interestPercent and eligibilityPercent must be 1-100, got "
                        + interestPercent + ", " + eligibilityPercent);
            }
            if (valueSpread < 1 || waiverEvery < 1) {
                throw new IllegalArgumentException("valueSpread and waiverEvery must be at least 1, got "
                        + valueSpread + ", " + waiverEvery);
            }
        }

        public int licences() {
            return areas * bands;
        }
    }

    /**
     * India 2022's scale: 22 licence service areas × 10 bands, 4 bidders interested in everything, a fixed 3 %
     * increment (the spread is tuned so that a run lasts about 40 rounds).
     */
    public static final Shape INDIA = new Shape(22, 10, 4, 100, 45, 100, 2,
            new SmraIncrement.FixedPercent(Percent.of(3)));

    /** An FCC SMR auction's scale: 1,000 licences (100 areas × 10 bands), 100 bidders, the FCC's increment rule. */
    public static final Shape FCC = new Shape(100, 10, 100, 15, 6, 400, 4, SmraIncrement.ActivityBased.fcc());

    /** India's shape at 4 areas × 3 bands, for a test. */
    public static final Shape INDIA_QUICK = new Shape(4, 3, 4, 100, 45, 100, 2, INDIA.increment());

    /** The FCC's shape at 6 areas × 5 bands and 8 bidders, for a test. */
    public static final Shape FCC_QUICK = new Shape(6, 5, 8, 40, 20, 400, 4, FCC.increment());

    /**
     * One synthetic auction: the stage's setup, each bidder's private value per licence it is interested in (ordered
     * by licence id), and the bidders that use proactive waivers.
     */
    public record Auction(SmraSetup setup, Map<String, Map<String, Long>> values, SortedSet<String> waiverUsers) {
        public Auction {
            Objects.requireNonNull(setup, "setup");
            Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
            values.forEach((bidder, own) -> copy.put(bidder, Collections.unmodifiableMap(new LinkedHashMap<>(own))));
            values = Collections.unmodifiableMap(copy);
            waiverUsers = Collections.unmodifiableSortedSet(new TreeSet<>(waiverUsers));
        }
    }

    private SmraWorkloads() {
    }

    public static Auction generate(String stageId, Shape shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<SmraLicence> licences = new ArrayList<>();
        long[] bandBase = new long[shape.bands()];
        for (int b = 0; b < shape.bands(); b++) {
            bandBase[b] = BASE_OPENING_BID * (1 + r.nextInt(5));
        }
        long totalUnits = 0;
        for (int a = 0; a < shape.areas(); a++) {
            int areaFactor = 1 + r.nextInt(4);
            for (int b = 0; b < shape.bands(); b++) {
                long opening = bandBase[b] * areaFactor;
                int units = (int) (opening / UNIT_VALUE);
                totalUnits += units;
                licences.add(new SmraLicence(String.format("A%03d-B%02d", a, b), "band" + b, "A" + a, "band" + b,
                        opening, units, 10_000, false));
            }
        }
        List<SmraBidder> bidders = new ArrayList<>();
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        SortedSet<String> waiverUsers = new TreeSet<>();
        for (int i = 0; i < shape.bidders(); i++) {
            String id = String.format("bidder%03d", i);
            long share = shape.eligibilityPercent() * (80L + r.nextInt(41));
            bidders.add(new SmraBidder(id, false, (int) Math.max(1, totalUnits * share / 10_000), Map.of()));
            Map<String, Long> own = new LinkedHashMap<>();
            for (SmraLicence l : licences) {
                if (r.nextInt(100) < shape.interestPercent()) {
                    long percent = 100 + r.nextInt(shape.valueSpread() + 1);
                    own.put(l.id(), l.minimumOpeningBid() / 100 * percent);
                }
            }
            values.put(id, own);
            if (i % shape.waiverEvery() == 0) {
                waiverUsers.add(id);
            }
        }
        byte[] tieSeed = new byte[32];
        for (int i = 0; i < tieSeed.length; i++) {
            tieSeed[i] = (byte) r.nextInt(256);
        }
        SmraSetup setup = new SmraSetup(stageId, licences, bidders, List.of(), shape.increment(),
                SmraSetup.ClickBox.minimumOnly(), BID_MULTIPLE,
                List.of(new SmraSetup.ActivityStage(1, Percent.of(80)), new SmraSetup.ActivityStage(10, Percent.of(90)),
                        new SmraSetup.ActivityStage(20, Percent.of(100))),
                3, false, 0, Percent.of(15), HexFormat.of().formatHex(tieSeed));
        return new Auction(setup, values, waiverUsers);
    }
}
