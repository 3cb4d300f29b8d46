package org.ngms.optimiser.wdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;

/**
 * Seeded generators of larger wdp/1 instances for {@code wdp generate} and {@code wdp compare}, in the four families
 * of the samples (src/test/resources/wdp-samples/README.md). Integer arithmetic only (values in whole currency
 * units, percentages as integers), every amount at least its package's reserve value, no bid that breaks a cap on
 * its own, no package twice for one bidder: the same family, size and seed give the same instance, hence the same
 * bytes through {@link WdpInstanceWriter}. {@code bids} is a target; an instance may hold slightly fewer.
 */
public final class InstanceFamilies {

    /** The families; {@link #key} is the name of {@code --family}. */
    public enum Family {
        /** Pakistan-like: three regions by six bands, 3-6 bidders with many packages, MHz caps with weights. */
        PK("pk", 2000),
        /** Multi-region: regions on a ring with chords, three bands each, a cap per region, footprint bidders. */
        MULTI_REGION("multi-region", 1500),
        /** CATS-like: many single-unit items, overlapping bundles of nearby items, OR bidders and XOR bidders. */
        CATS("cats", 2000),
        /** Many-bidder stress: 50-200 bidders over 20-60 multi-unit categories, group, single and own caps. */
        STRESS("stress", 5000);

        private final String key;
        private final int defaultBids;

        Family(String key, int defaultBids) {
            this.key = key;
            this.defaultBids = defaultBids;
        }

        public String key() {
            return key;
        }

        public int defaultBids() {
            return defaultBids;
        }

        public static Family of(String key) {
            for (Family f : values()) {
                if (f.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown family " + key + "; one of pk, multi-region, cats, stress");
        }
    }

    private InstanceFamilies() {
    }

    public static String name(Family family, int bids, long seed) {
        return family.key() + "-b" + bids + "-s" + seed;
    }

    public static Instance generate(Family family, int bids, long seed) {
        if (bids < 1) {
            throw new IllegalArgumentException("bids must be at least 1: " + bids);
        }
        SplittableRandom random = new SplittableRandom(seed * 4 + family.ordinal());
        String name = name(family, bids, seed);
        return switch (family) {
            case PK -> pk(name, bids, random);
            case MULTI_REGION -> multiRegion(name, bids, random);
            case CATS -> cats(name, bids, random);
            case STRESS -> stress(name, bids, random);
        };
    }

    /** Collects one bidder's bids: skips repeated packages, packages breaking a cap, amounts below reserve. */
    private static final class Bids {
        private final Map<String, Category> categories;
        private final List<Cap> caps;
        private final String prefix;
        private final Set<String> seen = new HashSet<>();
        final List<Bid> bids = new ArrayList<>();

        Bids(Map<String, Category> categories, List<Cap> caps, String prefix) {
            this.categories = categories;
            this.caps = caps;
            this.prefix = prefix;
        }

        /** Adds a bid of max(value, reserve) unless the package repeats or breaks a cap; true when added. */
        boolean add(Map<String, Long> pack, long value) {
            if (pack.isEmpty()) {
                return false;
            }
            TreeMap<String, Long> sorted = new TreeMap<>(pack);
            if (caps.stream().anyMatch(c -> c.brokenBy(sorted)) || !seen.add(sorted.toString())) {
                return false;
            }
            long reserve = 0;
            for (Map.Entry<String, Long> e : sorted.entrySet()) {
                if (e.getValue() > categories.get(e.getKey()).supply()) {
                    return false;
                }
                reserve += e.getValue() * categories.get(e.getKey()).reservePrice();
            }
            bids.add(new Bid(prefix + "-" + bids.size(), sorted, Math.max(value, reserve)));
            return true;
        }
    }

    private static Map<String, Category> byId(List<Category> categories) {
        Map<String, Category> map = new LinkedHashMap<>();
        categories.forEach(c -> map.put(c.id(), c));
        return map;
    }

    private static List<Cap> binding(List<Cap> top, List<Cap> own) {
        List<Cap> all = new ArrayList<>(top);
        all.addAll(own);
        return all;
    }

    /** Sum over the blocks of a unit value with diminishing returns: each further block worth 15 points less. */
    private static long diminishing(long unit, long blocks) {
        long value = 0;
        for (long k = 0; k < blocks; k++) {
            value += unit * Math.max(40, 100 - 15 * k) / 100;
        }
        return value;
    }

    private static long noise(long value, SplittableRandom random) {
        return value * (95 + random.nextInt(11)) / 100;
    }

    // ---------------------------------------------------------------- pk

    private static final String[] PK_REGIONS = {"PK", "AJK", "GB"};
    private static final String[] PK_BANDS = {"700", "1800", "2100", "2300", "2600", "3500"};
    private static final String[] PK_BIDDERS = {"jazz", "zong", "telenor", "ufone", "sco", "entrant"};

    private static Instance pk(String name, int bidCount, SplittableRandom random) {
        long mhz3500 = random.nextBoolean() ? 100 : 200;
        List<Category> categories = new ArrayList<>();
        long[] mainlandReserve = new long[PK_BANDS.length];
        for (int r = 0; r < PK_REGIONS.length; r++) {
            for (int band = 0; band < PK_BANDS.length; band++) {
                if (r == 0) {
                    long supply = band < 3 ? 2 + random.nextInt(5) : 4 + random.nextInt(9);
                    mainlandReserve[band] = (10L + random.nextInt(41)) * 1_000_000L;
                    categories.add(new Category("PK-" + PK_BANDS[band], supply, mainlandReserve[band]));
                } else if (random.nextInt(3) > 0) {
                    categories.add(new Category(PK_REGIONS[r] + "-" + PK_BANDS[band], 1 + random.nextInt(4),
                            mainlandReserve[band] * (1 + random.nextInt(3)) / 100));
                }
            }
        }
        Map<String, Category> byId = byId(categories);
        List<Cap> caps = new ArrayList<>();
        for (Category c : categories) {
            if (c.supply() > 4) {
                caps.add(Cap.of(4, c.id()));
            }
        }
        caps.add(new Cap(List.of("PK-700", "PK-1800", "PK-2100"),
                Map.of("PK-700", 100L, "PK-1800", 100L, "PK-2100", 100L), 250 + 50L * random.nextInt(4)));
        caps.add(new Cap(List.of("PK-2300", "PK-2600", "PK-3500"),
                Map.of("PK-2300", 100L, "PK-2600", 100L, "PK-3500", mhz3500), 600 + 100L * random.nextInt(5)));
        for (String region : List.of("AJK", "GB")) {
            List<String> ids = categories.stream().map(Category::id).filter(id -> id.startsWith(region + "-"))
                    .toList();
            long blocks = categories.stream().filter(c -> c.id().startsWith(region + "-"))
                    .mapToLong(Category::supply).sum();
            if (!ids.isEmpty()) {
                caps.add(new Cap(ids, Map.of(), Math.max(1, blocks / 2)));
            }
        }
        int bidderCount = 3 + random.nextInt(4);
        int perBidder = Math.max(1, bidCount / bidderCount);
        List<Bidder> bidders = new ArrayList<>();
        for (int i = 0; i < bidderCount; i++) {
            String id = PK_BIDDERS[i];
            List<Cap> own = new ArrayList<>();
            if (i < 4 && random.nextBoolean()) {
                own.add(new Cap(List.of("PK-1800", "PK-2100"), Map.of("PK-1800", 100L, "PK-2100", 100L),
                        200 + 100L * random.nextInt(3)));
            }
            long[] unit = new long[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                long regional = categories.get(c).id().startsWith("PK-") ? 1 : ("sco".equals(id) ? 4 : 1);
                unit[c] = categories.get(c).reservePrice() * (110 + random.nextInt(150)) / 100 * regional;
            }
            long budget = 0;
            for (int c = 0; c < categories.size(); c++) {
                budget += unit[c] * categories.get(c).supply();
            }
            budget = budget * (20 + random.nextInt(30)) / 100;
            Bids bids = new Bids(byId, binding(caps, own), id);
            for (int attempt = 0; attempt < perBidder * 20 && bids.bids.size() < perBidder; attempt++) {
                Map<String, Long> pack = new TreeMap<>();
                int items = 1 + random.nextInt(5);
                long value = 0;
                Set<String> regions = new HashSet<>();
                for (int k = 0; k < items; k++) {
                    int c = random.nextInt(categories.size());
                    Category category = categories.get(c);
                    if (pack.containsKey(category.id())) {
                        continue;
                    }
                    long q = 1 + random.nextInt((int) Math.min(3, category.supply()));
                    pack.put(category.id(), q);
                    value += diminishing(unit[c], q);
                    regions.add(category.id().substring(0, category.id().indexOf('-')));
                }
                if (regions.size() == 3) {
                    value = value * 105 / 100;
                }
                value = noise(value, random);
                if (value <= budget) {
                    bids.add(pack, value);
                }
            }
            bidders.add(new Bidder(id, own, bids.bids));
        }
        return new Instance(name, "USD", categories, caps, bidders);
    }

    // ---------------------------------------------------------------- multi-region

    private static final String[] BANDS = {"A", "B", "C"};

    private static Instance multiRegion(String name, int bidCount, SplittableRandom random) {
        int regions = Math.max(10, Math.min(60, 10 + bidCount / 100));
        long[] population = new long[regions];
        List<Category> categories = new ArrayList<>();
        List<Cap> caps = new ArrayList<>();
        long[] rate = {30, 20, 10};
        for (int r = 0; r < regions; r++) {
            population[r] = 100 + random.nextInt(4900);
            List<String> ids = new ArrayList<>();
            for (int band = 0; band < 3; band++) {
                long supply = band == 0 ? 2 : band == 1 ? 3 : 1 + random.nextInt(3);
                String id = region(r) + "-" + BANDS[band];
                categories.add(new Category(id, supply, population[r] * rate[band] * 10));
                ids.add(id);
            }
            caps.add(new Cap(ids, Map.of(), 3 + random.nextInt(2)));
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            adjacent.add(new ArrayList<>(List.of((r + 1) % regions, (r + regions - 1) % regions)));
        }
        for (int k = 0; k < regions / 3; k++) {
            int a = random.nextInt(regions);
            int b = random.nextInt(regions);
            if (a != b && !adjacent.get(a).contains(b)) {
                adjacent.get(a).add(b);
                adjacent.get(b).add(a);
            }
        }
        Map<String, Category> byId = byId(categories);
        int bidderCount = Math.max(5, bidCount / 150);
        int perBidder = Math.min(500, Math.max(1, bidCount / bidderCount));
        List<Bidder> bidders = new ArrayList<>();
        for (int i = 0; i < bidderCount; i++) {
            int kind = i < 2 ? 0 : i < 5 ? 1 : 2; // national, regional, local
            String id = (kind == 0 ? "national" : kind == 1 ? "regional" : "local") + i;
            int width = kind == 0 ? regions : kind == 1 ? 5 + random.nextInt(8) : 1 + random.nextInt(3);
            int from = random.nextInt(regions);
            Set<Integer> footprint = new HashSet<>();
            for (int k = 0; k < width; k++) {
                footprint.add((from + k) % regions);
            }
            long[][] unit = new long[regions][3];
            for (int r = 0; r < regions; r++) {
                for (int band = 0; band < 3; band++) {
                    unit[r][band] = population[r] * rate[band] * 10 * (110 + random.nextInt(120)) / 100;
                }
            }
            int size = kind == 0 ? 6 : kind == 1 ? 4 : 2;
            Bids bids = new Bids(byId, caps, id);
            for (int attempt = 0; attempt < perBidder * 20 && bids.bids.size() < perBidder; attempt++) {
                Map<String, Long> pack = new TreeMap<>();
                List<Integer> won = new ArrayList<>();
                int r = (from + random.nextInt(width)) % regions;
                int target = 1 + random.nextInt(size);
                long value = 0;
                for (int step = 0; step < target * 3 && won.size() < target; step++) {
                    if (footprint.contains(r) && !won.contains(r)) {
                        int band = random.nextInt(3);
                        long supply = byId.get(region(r) + "-" + BANDS[band]).supply();
                        long q = 1 + random.nextInt((int) Math.min(2, supply));
                        pack.put(region(r) + "-" + BANDS[band], q);
                        value += diminishing(unit[r][band], q);
                        won.add(r);
                    }
                    List<Integer> next = adjacent.get(r);
                    r = next.get(random.nextInt(next.size()));
                }
                int pairs = 0;
                for (int a = 0; a < won.size(); a++) {
                    for (int b = a + 1; b < won.size(); b++) {
                        pairs += adjacent.get(won.get(a)).contains(won.get(b)) ? 1 : 0;
                    }
                }
                value = value * (100 + 5L * Math.min(pairs, 8)) / 100;
                bids.add(pack, noise(value, random));
            }
            bidders.add(new Bidder(id, List.of(), bids.bids));
        }
        return new Instance(name, "USD", categories, caps, bidders);
    }

    private static String region(int r) {
        return String.format(Locale.ROOT, "R%02d", r + 1);
    }

    // ---------------------------------------------------------------- cats

    private static Instance cats(String name, int bidCount, SplittableRandom random) {
        int items = Math.max(50, Math.min(400, bidCount / 6));
        List<Category> categories = new ArrayList<>();
        long[] value = new long[items];
        for (int c = 0; c < items; c++) {
            long reserve = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(10);
            categories.add(new Category("i" + c, 1, reserve));
            value[c] = 10 + random.nextInt(90);
        }
        int[][] bonus = new int[items][];
        for (int c = 0; c < items; c++) {
            bonus[c] = new int[7];
            for (int d = 0; d < 7; d++) {
                bonus[c][d] = random.nextInt(20);
            }
        }
        Map<String, Category> byId = byId(categories);
        List<Bidder> bidders = new ArrayList<>();
        int total = 0;
        int n = 0;
        while (total < bidCount) {
            boolean xor = random.nextInt(4) == 0;
            String id = (xor ? "x" : "b") + n++;
            Bids bids = new Bids(byId, List.of(), id);
            int want = Math.min(bidCount - total, xor ? 2 + random.nextInt(9) : 1);
            int base = random.nextInt(items);
            for (int attempt = 0; attempt < want * 10 && bids.bids.size() < want; attempt++) {
                int start = (base + (xor ? random.nextInt(5) : 0)) % items;
                List<Integer> bundle = new ArrayList<>(List.of(start));
                int size = 1 + random.nextInt(6);
                int at = start;
                for (int step = 0; step < size * 3 && bundle.size() < size; step++) {
                    at = (at + 1 + random.nextInt(3)) % items;
                    if (!bundle.contains(at)) {
                        bundle.add(at);
                    }
                }
                Map<String, Long> pack = new TreeMap<>();
                long amount = 0;
                for (int k = 0; k < bundle.size(); k++) {
                    int c = bundle.get(k);
                    pack.put("i" + c, 1L);
                    amount += value[c];
                    for (int other : bundle) {
                        int d = (other - c + items) % items;
                        amount += d >= 1 && d < 7 ? bonus[c][d] : 0;
                    }
                }
                bids.add(pack, noise(amount, random));
            }
            if (!bids.bids.isEmpty()) {
                total += bids.bids.size();
                bidders.add(new Bidder(id, List.of(), bids.bids));
            }
        }
        return new Instance(name, "XXX", categories, List.of(), bidders);
    }

    // ---------------------------------------------------------------- stress

    private static Instance stress(String name, int bidCount, SplittableRandom random) {
        int count = Math.max(20, Math.min(60, 20 + bidCount / 500));
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            categories.add(new Category("S" + c, 1 + random.nextInt(10), 1_000L * (1 + random.nextInt(20))));
        }
        List<Cap> caps = new ArrayList<>();
        for (int start = 0; start + 5 <= count; start += 5) {
            List<String> group = new ArrayList<>();
            for (int c = start; c < start + 5; c++) {
                group.add("S" + c);
            }
            caps.add(new Cap(group, Map.of(), 4 + random.nextInt(4)));
        }
        for (Category c : categories) {
            if (c.supply() >= 4 && random.nextInt(4) == 0) {
                caps.add(Cap.of((c.supply() + 1) / 2, c.id()));
            }
        }
        Map<String, Category> byId = byId(categories);
        int bidderCount = Math.max(50, Math.min(200, bidCount / 100));
        int perBidder = Math.max(1, bidCount / bidderCount);
        List<Bidder> bidders = new ArrayList<>();
        for (int i = 0; i < bidderCount; i++) {
            String id = "s" + i;
            List<Cap> own = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                Set<String> listed = new java.util.TreeSet<>();
                for (int k = 0; k < 3; k++) {
                    listed.add("S" + random.nextInt(count));
                }
                own.add(new Cap(new ArrayList<>(listed), Map.of(), 2 + random.nextInt(3)));
            }
            int width = 5 + random.nextInt(11);
            int from = random.nextInt(Math.max(1, count - width + 1));
            long[] unit = new long[count];
            for (int c = 0; c < count; c++) {
                unit[c] = categories.get(c).reservePrice() * (120 + random.nextInt(180)) / 100;
            }
            Bids bids = new Bids(byId, binding(caps, own), id);
            for (int attempt = 0; attempt < perBidder * 20 && bids.bids.size() < perBidder; attempt++) {
                Map<String, Long> pack = new TreeMap<>();
                int items = 1 + random.nextInt(4);
                long value = 0;
                long blocks = 0;
                for (int k = 0; k < items; k++) {
                    int c = from + random.nextInt(Math.min(width, count - from));
                    if (pack.containsKey("S" + c)) {
                        continue;
                    }
                    long q = 1 + random.nextInt((int) Math.min(3, categories.get(c).supply()));
                    pack.put("S" + c, q);
                    value += unit[c] * q;
                    blocks += q;
                }
                value = value * (100 + 5 * Math.min(blocks - 1, 6)) / 100;
                bids.add(pack, noise(value, random));
            }
            bidders.add(new Bidder(id, own, bids.bids));
        }
        return new Instance(name, "USD", categories, caps, bidders);
    }
}
