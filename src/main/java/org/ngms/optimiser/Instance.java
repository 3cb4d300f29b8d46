package org.ngms.optimiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ngms.shared.Violation;

/**
 * One winner-determination problem: categories, caps binding every bidder, and bidders with XOR package bids.
 * Refuses any instance that breaks a rule of {@code wdp/1} ({@link #violations}).
 */
public record Instance(String name, String currency, List<Category> categories, List<Cap> caps,
        List<Bidder> bidders) {

    public Instance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        categories = List.copyOf(categories);
        caps = List.copyOf(caps);
        bidders = List.copyOf(bidders);
        List<Violation> violations = violations(categories, caps, bidders);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new IllegalArgumentException(first.path() + ": " + first.message());
        }
    }

    public Map<String, Category> categoriesById() {
        Map<String, Category> byId = new LinkedHashMap<>();
        categories.forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    /** The caps binding a bidder: every top-level cap, then its own. */
    public List<Cap> capsOf(Bidder bidder) {
        List<Cap> binding = new ArrayList<>(caps);
        binding.addAll(bidder.caps());
        return binding;
    }

    public int bidCount() {
        return bidders.stream().mapToInt(b -> b.bids().size()).sum();
    }

    /** Sum of quantity x reservePrice over the package; Long.MAX_VALUE when that does not fit 64 bits. */
    public long reserveValue(Bid bid) {
        return reserveValue(categoriesById(), bid);
    }

    static long reserveValue(Map<String, Category> categories, Bid bid) {
        long value = 0;
        try {
            for (Map.Entry<String, Long> entry : bid.pack().entrySet()) {
                Category category = categories.get(entry.getKey());
                if (category != null) {
                    value = Math.addExact(value, Math.multiplyExact(entry.getValue(), category.reservePrice()));
                }
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return value;
    }

    /** A copy with other bidders (same categories and top-level caps). */
    public Instance withBidders(List<Bidder> others) {
        return new Instance(name, currency, categories, caps, others);
    }

    /**
     * The rules of {@code wdp/1} that span records, each broken one named by its path: ids unique, bids name known
     * categories, caps list known categories, amounts at least the package's reserve value, no bid breaks a cap on
     * its own, and the largest possible total fits a signed 64-bit integer.
     */
    public static List<Violation> violations(List<Category> categories, List<Cap> caps, List<Bidder> bidders) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Category> byId = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            Category category = categories.get(c);
            if (byId.putIfAbsent(category.id(), category) != null) {
                violations.add(Violation.of("categories[" + c + "].id", "DUPLICATE_ID",
                        "category id " + category.id() + " repeats", category.id()));
            }
        }
        for (int k = 0; k < caps.size(); k++) {
            capViolations("caps[" + k + "]", caps.get(k), byId, violations);
        }
        java.util.Set<String> bidderIds = new java.util.HashSet<>();
        java.util.Set<String> bidIds = new java.util.HashSet<>();
        long largestTotal = 0;
        boolean totalOverflows = false;
        for (int i = 0; i < bidders.size(); i++) {
            Bidder bidder = bidders.get(i);
            String at = "bidders[" + i + "]";
            if (!bidderIds.add(bidder.id())) {
                violations.add(Violation.of(at + ".id", "DUPLICATE_ID", "bidder id " + bidder.id() + " repeats",
                        bidder.id()));
            }
            for (int k = 0; k < bidder.caps().size(); k++) {
                capViolations(at + ".caps[" + k + "]", bidder.caps().get(k), byId, violations);
            }
            long largestBid = 0;
            for (int j = 0; j < bidder.bids().size(); j++) {
                Bid bid = bidder.bids().get(j);
                String bidAt = at + ".bids[" + j + "]";
                if (!bidIds.add(bid.id())) {
                    violations.add(Violation.of(bidAt + ".id", "DUPLICATE_ID", "bid id " + bid.id() + " repeats",
                            bid.id()));
                }
                boolean known = true;
                for (String category : bid.pack().keySet()) {
                    if (!byId.containsKey(category)) {
                        known = false;
                        violations.add(Violation.of(bidAt + ".package." + category, "UNKNOWN_CATEGORY",
                                "bid " + bid.id() + " names unknown category " + category, category));
                    }
                }
                if (!known) {
                    continue;
                }
                long reserve = reserveValue(byId, bid);
                if (bid.amount() < reserve) {
                    violations.add(Violation.of(bidAt + ".amount", "BELOW_RESERVE",
                            "amount " + bid.amount() + " is below the package's reserve value "
                                    + (reserve == Long.MAX_VALUE ? "(beyond 64 bits)" : reserve), bid.amount()));
                }
                List<Cap> binding = new ArrayList<>(caps);
                binding.addAll(bidder.caps());
                for (int k = 0; k < binding.size(); k++) {
                    Cap cap = binding.get(k);
                    if (cap.brokenBy(bid.pack())) {
                        String capAt = k < caps.size() ? "caps[" + k + "]" : at + ".caps[" + (k - caps.size()) + "]";
                        violations.add(Violation.of(bidAt + ".package", "BREAKS_CAP",
                                "bid " + bid.id() + " counts " + cap.countOf(bid.pack()) + " under " + capAt
                                        + ", above its max " + cap.max(), bid.id()));
                    }
                }
                largestBid = Math.max(largestBid, bid.amount());
            }
            try {
                largestTotal = Math.addExact(largestTotal, largestBid);
            } catch (ArithmeticException e) {
                totalOverflows = true;
            }
        }
        if (totalOverflows) {
            violations.add(Violation.of("bidders", "OUT_OF_RANGE",
                    "the sum of the bidders' largest amounts does not fit a signed 64-bit integer", null));
        }
        return violations;
    }

    private static void capViolations(String at, Cap cap, Map<String, Category> categories,
            List<Violation> violations) {
        for (int c = 0; c < cap.categories().size(); c++) {
            String category = cap.categories().get(c);
            if (!categories.containsKey(category)) {
                violations.add(Violation.of(at + ".categories[" + c + "]", "UNKNOWN_CATEGORY",
                        "cap names unknown category " + category, category));
            }
        }
    }
}
