package org.ngms.optimiser.wdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;

/**
 * Seeded synthetic instances for benchmarks, like a multi-region generic-lot sealed round: categories with 1-4
 * blocks, bidders with a regional footprint of adjacent categories, package values with complementarity (+10% per
 * doubling of blocks) and noise, every amount at least the package's reserve value, and a top-level cap of 6 blocks
 * on every group of 10 adjacent categories. The same arguments give the same instance.
 */
public final class SyntheticInstances {

    private SyntheticInstances() {
    }

    public static Instance generate(int bids, int categoryCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < categoryCount; c++) {
            categories.add(new Category("C" + c, 1 + random.nextInt(4), 1_000L * (1 + random.nextInt(10))));
        }
        List<Cap> caps = new ArrayList<>();
        for (int start = 0; start + 10 <= categoryCount; start += 10) {
            List<String> group = new ArrayList<>();
            for (int c = start; c < start + 10; c++) {
                group.add("C" + c);
            }
            caps.add(new Cap(group, Map.of(), 6));
        }
        int bidderCount = Math.max(5, bids / 100);
        int perBidder = Math.max(1, bids / bidderCount);
        List<Bidder> bidders = new ArrayList<>();
        for (int i = 0; i < bidderCount; i++) {
            int width = 6 + random.nextInt(10);
            int from = random.nextInt(Math.max(1, categoryCount - width + 1));
            double[] unit = new double[categoryCount];
            for (int c = from; c < Math.min(categoryCount, from + width); c++) {
                unit[c] = categories.get(c).reservePrice() * (1.2 + 1.8 * random.nextDouble());
            }
            List<Bid> own = new ArrayList<>();
            for (int j = 0; j < perBidder; j++) {
                Map<String, Long> pack = new LinkedHashMap<>();
                int items = 1 + random.nextInt(5);
                double base = 0;
                long blocks = 0;
                long reserve = 0;
                for (int k = 0; k < items; k++) {
                    int c = from + random.nextInt(Math.min(width, categoryCount - from));
                    if (pack.containsKey("C" + c)) {
                        continue;
                    }
                    long q = 1 + random.nextInt((int) Math.min(2, categories.get(c).supply()));
                    pack.put("C" + c, q);
                    base += unit[c] * q;
                    blocks += q;
                    reserve += categories.get(c).reservePrice() * q;
                }
                if (blocks > 6) {
                    continue;
                }
                double synergy = 1 + 0.1 * Math.log(blocks) / Math.log(2);
                long amount = Math.max(reserve, Math.round(base * synergy * (0.9 + 0.2 * random.nextDouble())));
                own.add(new Bid("b" + i + "-" + j, pack, amount));
            }
            bidders.add(new Bidder("bidder" + i, List.of(), own));
        }
        return new Instance("synthetic-" + bids + "x" + categoryCount + "-s" + seed, "XXX", categories, caps,
                bidders);
    }
}
