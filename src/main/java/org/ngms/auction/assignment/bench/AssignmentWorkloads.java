package org.ngms.auction.assignment.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.ngms.auction.assignment.AssignmentMarket;
import org.ngms.auction.assignment.AssignmentOptions;
import org.ngms.optimiser.assignment.AssignmentTieRule;
import org.ngms.shared.FrequencyRange;

/**
 * The markets of {@code bench assignment}, drawn from a seed: the same seed gives the same markets, bids and tie
 * seeds. Each market's blocks are one contiguous offered range, so a winner's options are every run of its quantity
 * of adjacent blocks ({@link AssignmentOptions}), and the winners' quantities never exceed the blocks: every market
 * has a complete assignment. Each winner bids on a random half of its options, in multiples of
 * {@link #BID_MULTIPLE} up to {@link #MAX_BID}, one bid in eight of them zero.
 */
public final class AssignmentWorkloads {

    public static final long BID_MULTIPLE = 1_000;
    public static final long MAX_BID = 5_000_000;

    /** FCC Auction 107: 406 partial economic areas, each with categories A, B and C. */
    public static final int FCC_AREAS = 406;
    public static final List<String> FCC_CATEGORIES = List.of("A", "B", "C");
    public static final int FCC_MARKETS = FCC_AREAS * 3;
    public static final int FCC_WINNERS = 5;
    public static final int FCC_MIN_BLOCKS = 8;
    public static final int FCC_MAX_BLOCKS = 12;
    private static final int FCC_BIDDERS = 57;

    private static final long BLOCK_KHZ = 10_000;

    /** One market as the sealed round receives it: the market, every winner's bids per option id, the tie rule. */
    public record SealedMarket(AssignmentMarket market, Map<String, Map<String, Long>> bids,
                               AssignmentTieRule tieRule) {
        public SealedMarket {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(tieRule, "tieRule");
            Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
            bids.forEach((bidder, own) -> copy.put(bidder, Collections.unmodifiableMap(new LinkedHashMap<>(own))));
            bids = Collections.unmodifiableMap(copy);
        }
    }

    private AssignmentWorkloads() {
    }

    /**
     * The sealed round of Pakistan's 2026 auction at its real size: 2600 MHz, 19 blocks of 10 MHz from 2500 MHz,
     * won by Jazz 7, Ufone 6 and Zong 6; 3500 MHz, 28 blocks from 3400 MHz, won by Jazz 5, Ufone 12 and Zong 5
     * (6 unsold). Only the bids are drawn.
     */
    public static List<SealedMarket> pakistan2026(long seed) {
        // each workload draws from its own stream, so that capping the FCC set leaves these bids unchanged
        SplittableRandom random = new SplittableRandom(seed ^ 0x2026L);
        byte[] tieSeed = tieSeed(random);
        return List.of(
                sealed(market("2600", "2600", "PK", 2_500_000, 19, Map.of("jazz", 7, "ufone", 6, "zong", 6)),
                        tieSeed, random),
                sealed(market("3500", "3500", "PK", 3_400_000, 28, Map.of("jazz", 5, "ufone", 12, "zong", 5)),
                        tieSeed, random));
    }

    /**
     * An FCC-107-like round, the first {@code markets} of its 1,218: areas PEA001 to PEA406, categories A, B and C
     * in each (market "PEA001-A"), each of 8 to 12 blocks of 10 MHz (A from 3700 MHz, B from 3820, C from 3940)
     * with 5 of 57 bidders as winners, whose quantities (1 or more each) add up to at most the blocks.
     */
    public static List<SealedMarket> fcc107(long seed, int markets) {
        if (markets < 0 || markets > FCC_MARKETS) {
            throw new IllegalArgumentException("markets must be 0 to " + FCC_MARKETS + ": " + markets);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x107L);
        byte[] tieSeed = tieSeed(random);
        List<String> bidders = new ArrayList<>();
        for (int b = 1; b <= FCC_BIDDERS; b++) {
            bidders.add(String.format("bidder%02d", b));
        }
        List<SealedMarket> sealed = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            String area = String.format("PEA%03d", m / 3 + 1);
            int category = m % 3;
            int blocks = FCC_MIN_BLOCKS + random.nextInt(FCC_MAX_BLOCKS - FCC_MIN_BLOCKS + 1);
            Map<String, Integer> winners = new TreeMap<>();
            int[] quantities = quantities(random, blocks);
            for (int w = 0; w < FCC_WINNERS; w++) {
                // a partial Fisher-Yates shuffle: the first FCC_WINNERS places hold distinct bidders
                Collections.swap(bidders, w, w + random.nextInt(bidders.size() - w));
                winners.put(bidders.get(w), quantities[w]);
            }
            String id = area + "-" + FCC_CATEGORIES.get(category);
            sealed.add(sealed(market(id, "3700", area, 3_700_000 + 120_000L * category, blocks, winners), tieSeed,
                    random));
        }
        return List.copyOf(sealed);
    }

    /** FCC_WINNERS quantities of at least 1 block each, adding up to between FCC_WINNERS and {@code blocks}. */
    private static int[] quantities(SplittableRandom random, int blocks) {
        int[] quantities = new int[FCC_WINNERS];
        Arrays.fill(quantities, 1);
        int extra = random.nextInt(blocks - FCC_WINNERS + 1);
        for (int k = 0; k < extra; k++) {
            quantities[random.nextInt(FCC_WINNERS)]++;
        }
        return quantities;
    }

    private static AssignmentMarket market(String id, String band, String area, long fromKhz, int blocks,
                                           Map<String, Integer> winners) {
        List<FrequencyRange> ranges = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            ranges.add(new FrequencyRange(fromKhz + b * BLOCK_KHZ, fromKhz + (b + 1) * BLOCK_KHZ));
        }
        return new AssignmentMarket(id, List.of(id), band, List.of(area), ranges,
                Collections.nCopies(blocks, 0), 0, new TreeMap<>(winners), List.of());
    }

    private static SealedMarket sealed(AssignmentMarket market, byte[] tieSeed, SplittableRandom random) {
        Map<String, Map<String, Long>> bids = new LinkedHashMap<>();
        AssignmentOptions.of(market).forEach((bidder, options) -> {
            Map<String, Long> own = new LinkedHashMap<>();
            for (AssignmentOptions.Option option : options) {
                if (random.nextBoolean()) {
                    own.put(option.id(), random.nextInt(8) == 0 ? 0
                            : BID_MULTIPLE * (1 + random.nextLong(MAX_BID / BID_MULTIPLE)));
                }
            }
            bids.put(bidder, own);
        });
        return new SealedMarket(market, bids, new AssignmentTieRule(tieSeed, "bench-assignment/" + market.id()));
    }

    /** One tie seed per workload, as a round commits one; each market's context names it. */
    private static byte[] tieSeed(SplittableRandom random) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) random.nextInt(256);
        }
        return seed;
    }
}
