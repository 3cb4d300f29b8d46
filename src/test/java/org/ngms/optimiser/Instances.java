package org.ngms.optimiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small instances for tests: a builder that reads like the rulebook, and seeded random ones. */
public final class Instances {

    private final List<Category> categories = new ArrayList<>();
    private final List<Cap> caps = new ArrayList<>();
    private final List<Bidder> bidders = new ArrayList<>();

    public static Instances of() {
        return new Instances();
    }

    public Instances category(String id, long supply, long reserve) {
        categories.add(new Category(id, supply, reserve));
        return this;
    }

    public Instances cap(Cap cap) {
        caps.add(cap);
        return this;
    }

    /** A bidder whose bids are given as id, amount, then category/quantity pairs, e.g. bid("a1", 5, "A", 1). */
    public Instances bidder(String id, List<Cap> own, Bid... bids) {
        bidders.add(new Bidder(id, own, List.of(bids)));
        return this;
    }

    public Instances bidder(String id, Bid... bids) {
        return bidder(id, List.of(), bids);
    }

    public static Bid bid(String id, long amount, Object... pack) {
        Map<String, Long> blocks = new LinkedHashMap<>();
        for (int i = 0; i < pack.length; i += 2) {
            blocks.put((String) pack[i], ((Number) pack[i + 1]).longValue());
        }
        return new Bid(id, blocks, amount);
    }

    public Instance build() {
        return new Instance("test", "USD", categories, caps, bidders);
    }

    /** A random small instance: 2-4 categories, 1-5 bidders with 0-4 bids, sometimes caps; always valid. */
    public static Instance random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instances builder = of();
        int categoryCount = 2 + random.nextInt(3);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < categoryCount; c++) {
            ids.add("C" + c);
            builder.category("C" + c, 1 + random.nextInt(3), random.nextInt(3) * 10L);
        }
        Cap topCap = random.nextInt(3) == 0 ? new Cap(List.of("C0", "C1"), Map.of("C0", 2L), 3) : null;
        if (topCap != null) {
            builder.cap(topCap);
        }
        int bidderCount = 1 + random.nextInt(5);
        int n = 0;
        for (int i = 0; i < bidderCount; i++) {
            Cap own = random.nextInt(4) == 0 ? Cap.of(1 + random.nextInt(2), ids.get(random.nextInt(categoryCount)))
                    : null;
            List<Bid> bids = new ArrayList<>();
            int bidCount = random.nextInt(5);
            for (int j = 0; j < bidCount; j++) {
                Map<String, Long> pack = new LinkedHashMap<>();
                int items = 1 + random.nextInt(categoryCount);
                for (int k = 0; k < items; k++) {
                    pack.put(ids.get(random.nextInt(categoryCount)), 1L + random.nextInt(2));
                }
                Bid probe = new Bid("b" + n, pack, 0);
                if ((topCap != null && topCap.brokenBy(pack)) || (own != null && own.brokenBy(pack))) {
                    continue;
                }
                long reserve = 0;
                for (Map.Entry<String, Long> e : probe.pack().entrySet()) {
                    reserve += e.getValue() * builder.categories.get(ids.indexOf(e.getKey())).reservePrice();
                }
                // few distinct amounts, so that ties among optimal allocations are common
                bids.add(new Bid("b" + n++, pack, reserve + 10L * random.nextInt(6)));
            }
            builder.bidder("x" + i, own == null ? List.of() : List.of(own), bids.toArray(new Bid[0]));
        }
        return builder.build();
    }
}
