package org.ngms.auction.clock;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ngms.directive.EligibilityCondition;
import org.ngms.shared.Percent;

/**
 * One closed round of a clock stage, immutable: the stage is the list of them, and processing the same bids with the
 * same seed reproduces a round bit for bit ({@link ClockRoundJson#canonical}). Public per product: start-of-round,
 * clock and posted price, aggregate and excess demand. Private per bidder: processed demand, activity and
 * eligibility. Per demand-changing bid: its price point, tie number and what processing made of it.
 */
public record ClockRound(
        String stage,
        int number,
        Optional<Percent> increment,
        List<ProductRound> products,
        List<BidderRound> bidders,
        List<BidResult> bids,
        List<Rejection> rejections,
        List<Exclusion> exclusions) {

    public ClockRound {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(increment, "increment");
        products = List.copyOf(products);
        bidders = List.copyOf(bidders);
        bids = List.copyOf(bids);
        rejections = List.copyOf(rejections);
        exclusions = List.copyOf(exclusions);
    }

    /** Whether any product still has more demand than supply: if not, this round is the last. */
    public boolean hasExcessDemand() {
        return products.stream().anyMatch(p -> p.excessDemand() > 0);
    }

    public ProductRound product(String id) {
        return products.stream().filter(p -> p.product().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("round " + number + " has no product " + id));
    }

    public Optional<BidderRound> bidder(String id) {
        return bidders.stream().filter(b -> b.bidder().equals(id)).findFirst();
    }

    /**
     * A product's public result: {@code excessDemand} is aggregate demand minus supply (negative when blocks would
     * go unsold).
     */
    public record ProductRound(String product, int supply, long startOfRound, long clockPrice, long postedPrice,
                               int aggregateDemand, int excessDemand) {
    }

    /**
     * A bidder's private result: the eligibility it bid with, its processed demand (non-zero products only), the
     * activity of that demand in bidding units, and its eligibility for the next round.
     */
    public record BidderRound(String bidder, int eligibility, SortedMap<String, Integer> processedDemand,
                              long activity, int nextEligibility) {
        public BidderRound {
            processedDemand = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(processedDemand));
        }

        public int demand(String product) {
            return processedDemand.getOrDefault(product, 0);
        }
    }

    /**
     * A bid that asked to change demand, in queue order: from {@code from} to {@code quantity} blocks at
     * {@code price}; {@code processed} is where processing left the bidder's demand for the product.
     */
    public record BidResult(String bidder, String product, int from, int quantity, long price, PricePoint pricePoint,
                            String tieNumber, int processed) {

        public Status status() {
            if (processed == quantity) {
                return Status.APPLIED;
            }
            return processed == from ? Status.NOT_APPLIED : Status.PARTIALLY_APPLIED;
        }

        public enum Status { APPLIED, PARTIALLY_APPLIED, NOT_APPLIED }
    }

    /** A bidder removed by a round-1 condition, and the consequence the directive attaches to it. */
    public record Exclusion(String bidder, String condition, EligibilityCondition.Consequence consequence,
                            String message) {
        public Exclusion {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(consequence, "consequence");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Processed demand per bidder and product after this round. */
    public Map<String, Map<String, Integer>> processedDemand() {
        Map<String, Map<String, Integer>> demand = new TreeMap<>();
        bidders.forEach(b -> demand.put(b.bidder(), b.processedDemand()));
        return demand;
    }
}
