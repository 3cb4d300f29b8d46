package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ngms.directive.Band;
import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpectrumCap;
import org.ngms.directive.Stage;
import org.ngms.directive.SuccessCriterion;
import org.ngms.shared.Mhz;
import org.ngms.shared.Percent;

/**
 * Everything a clock stage needs before round 1: the stage's rules (increment, bid multiple, missing bids, activity
 * requirement, intra-round bids), its products and their opening prices, its bidders with their initial eligibility
 * and holdings, the caps, the round-1 conditions, the success criterion, and the committed seed for tie numbers.
 * A stage for escalated products (AJK & GB 2021: product 1 only) is the same thing with a subset of products and the
 * prices and eligibility handed over by the sealed stage.
 */
public record ClockSetup(
        String stageId,
        Stage.Increment increment,
        long bidMultiple,
        Stage.MissingBid missingBid,
        Percent activityRequirement,
        boolean intraRoundBids,
        List<ClockProduct> products,
        Map<String, Long> openingPrices,
        List<ClockBidder> bidders,
        List<CapRule> caps,
        List<EligibilityCondition> firstRoundConditions,
        Optional<Percent> minSoldPercentOfMhz,
        String seedHex,
        Map<String, Map<String, Integer>> startingDemand,
        List<PositionMarket> positionMarkets) {

    /**
     * A market of an assignment clock (PTA 2026): its positions (products of the stage, one winner each) and the
     * winners it places. Each winner asks for at most one position of the market in a bid set and, once it holds
     * one, for exactly one: a move is a switch, a decrease on its position with an increase on one other. A cap of
     * one position per market keeps the increase from applying before the decrease has.
     */
    public record PositionMarket(String id, List<String> positions, java.util.SortedSet<String> bidders) {
        public PositionMarket {
            Objects.requireNonNull(id, "id");
            positions = List.copyOf(positions);
            bidders = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(bidders));
        }
    }

    /** A stage without position markets (every allocation clock). */
    public ClockSetup(String stageId, Stage.Increment increment, long bidMultiple, Stage.MissingBid missingBid,
                      Percent activityRequirement, boolean intraRoundBids, List<ClockProduct> products,
                      Map<String, Long> openingPrices, List<ClockBidder> bidders, List<CapRule> caps,
                      List<EligibilityCondition> firstRoundConditions, Optional<Percent> minSoldPercentOfMhz,
                      String seedHex, Map<String, Map<String, Integer>> startingDemand) {
        this(stageId, increment, bidMultiple, missingBid, activityRequirement, intraRoundBids, products,
                openingPrices, bidders, caps, firstRoundConditions, minSoldPercentOfMhz, seedHex, startingDemand,
                List.of());
    }

    /** A stage whose bidders start with no demand (every stage that does not continue a sealed one). */
    public ClockSetup(String stageId, Stage.Increment increment, long bidMultiple, Stage.MissingBid missingBid,
                      Percent activityRequirement, boolean intraRoundBids, List<ClockProduct> products,
                      Map<String, Long> openingPrices, List<ClockBidder> bidders, List<CapRule> caps,
                      List<EligibilityCondition> firstRoundConditions, Optional<Percent> minSoldPercentOfMhz,
                      String seedHex) {
        this(stageId, increment, bidMultiple, missingBid, activityRequirement, intraRoundBids, products,
                openingPrices, bidders, caps, firstRoundConditions, minSoldPercentOfMhz, seedHex, Map.of());
    }

    public ClockSetup {
        Objects.requireNonNull(stageId, "stageId");
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(missingBid, "missingBid");
        Objects.requireNonNull(activityRequirement, "activityRequirement");
        if (bidMultiple < 1) {
            throw new IllegalArgumentException("bidMultiple must be at least 1, got " + bidMultiple);
        }
        if (activityRequirement.basisPoints() < 1 || activityRequirement.compareTo(Percent.HUNDRED) > 0) {
            throw new IllegalArgumentException("activityRequirement must be in (0, 100] %, got " + activityRequirement);
        }
        products = List.copyOf(products);
        openingPrices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(openingPrices));
        bidders = List.copyOf(bidders);
        caps = List.copyOf(caps);
        firstRoundConditions = List.copyOf(firstRoundConditions);
        Objects.requireNonNull(minSoldPercentOfMhz, "minSoldPercentOfMhz");
        Objects.requireNonNull(seedHex, "seedHex");
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a clock stage needs at least one product");
        }
        Set<String> ids = new java.util.HashSet<>();
        for (ClockProduct p : products) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("product " + p.id() + " is listed twice");
            }
            Long opening = openingPrices.get(p.id());
            if (opening == null || opening < 0) {
                throw new IllegalArgumentException("product " + p.id() + " needs a non-negative opening price");
            }
        }
        Set<String> bidderIds = new java.util.HashSet<>();
        for (ClockBidder b : bidders) {
            if (!bidderIds.add(b.id())) {
                throw new IllegalArgumentException("bidder " + b.id() + " is listed twice");
            }
        }
        HexFormat.of().parseHex(seedHex);
        Map<String, Map<String, Integer>> demand = new java.util.TreeMap<>();
        for (var e : startingDemand.entrySet()) {
            if (!bidderIds.contains(e.getKey())) {
                throw new IllegalArgumentException("starting demand of " + e.getKey() + ", not a bidder of the stage");
            }
            Map<String, Integer> own = new java.util.TreeMap<>();
            e.getValue().forEach((product, quantity) -> {
                if (!ids.contains(product) || quantity < 0) {
                    throw new IllegalArgumentException("starting demand of " + e.getKey() + " for " + product
                            + ": " + quantity + " is not a quantity of a product of the stage");
                }
                if (quantity > 0) {
                    own.put(product, quantity);
                }
            });
            if (!own.isEmpty()) {
                demand.put(e.getKey(), java.util.Collections.unmodifiableMap(own));
            }
        }
        startingDemand = java.util.Collections.unmodifiableMap(demand);
        positionMarkets = List.copyOf(positionMarkets);
        for (PositionMarket m : positionMarkets) {
            for (String position : m.positions()) {
                if (!ids.contains(position)) {
                    throw new IllegalArgumentException("market " + m.id() + ": position " + position
                            + " is not a product of the stage");
                }
            }
            for (String bidder : m.bidders()) {
                if (!bidderIds.contains(bidder)) {
                    throw new IllegalArgumentException("market " + m.id() + ": " + bidder + " is not a bidder");
                }
            }
        }
    }

    /** The position market a product belongs to, if this is an assignment clock. */
    public Optional<PositionMarket> marketOf(String product) {
        return positionMarkets.stream().filter(m -> m.positions().contains(product)).findFirst();
    }

    /**
     * The same stage with each bidder's demand before round 1 (bidder, product, blocks): the demand a sealed stage
     * escalated, which round 1 processes as the bidder's standing demand (a bidder that sends no round-1 bid keeps it
     * under the missing-bid rule; a reduction is processed as any other).
     */
    public ClockSetup withStartingDemand(Map<String, Map<String, Integer>> demand) {
        return new ClockSetup(stageId, increment, bidMultiple, missingBid, activityRequirement, intraRoundBids,
                products, openingPrices, bidders, caps, firstRoundConditions, minSoldPercentOfMhz, seedHex, demand,
                positionMarkets);
    }

    public byte[] seed() {
        return HexFormat.of().parseHex(seedHex);
    }

    public Optional<ClockProduct> product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Every product of the directive's clock stage {@code stageId}, opening at reserve. */
    public static ClockSetup fromDirective(PolicyDirective directive, String stageId, List<ClockBidder> bidders,
                                           byte[] seed) {
        Stage.Clock stage = clockStage(directive, stageId);
        List<String> categories = stage.categories().isEmpty()
                ? directive.lotCategories().stream().map(LotCategory::id).toList()
                : stage.categories();
        Map<String, Long> opening = new LinkedHashMap<>();
        for (String c : categories) {
            opening.put(c, directive.lotCategory(c).orElseThrow().reservePerBlock().amount());
        }
        return fromDirective(directive, stageId, bidders, categories, opening, seed);
    }

    /**
     * A clock stage over {@code productIds} only (lot categories escalated by a sealed stage), opening at
     * {@code openingPrices}, with the bidders and eligibility the sealed stage hands over.
     */
    public static ClockSetup fromDirective(PolicyDirective directive, String stageId, List<ClockBidder> bidders,
                                           Collection<String> productIds, Map<String, Long> openingPrices,
                                           byte[] seed) {
        Stage.Clock stage = clockStage(directive, stageId);
        List<ClockProduct> products = new ArrayList<>();
        for (String id : productIds) {
            LotCategory c = directive.lotCategory(id).orElseThrow(
                    () -> new IllegalArgumentException("the directive has no lot category " + id));
            Band band = directive.band(c.band()).orElseThrow();
            long khz = directive.spectrumCounting().count(c.blockMhz(), band.duplex()).khz();
            products.add(new ClockProduct(c.id(), c.id(), c.area(), c.band(), c.blocks(),
                    c.reservePerBlock().amount(), c.eligibilityPointsPerBlock(), khz,
                    c.maxBlocksPerBidder().orElse(c.blocks())));
        }
        List<CapRule> caps = new ArrayList<>();
        for (SpectrumCap cap : directive.spectrumCaps()) {
            Map<String, Long> khzPerBlock = new HashMap<>();
            for (ClockProduct p : products) {
                if (cap.bands().contains(p.band())) {
                    khzPerBlock.put(p.id(), p.khzPerBlock());
                }
            }
            Map<String, Long> existing = new HashMap<>();
            if (cap.includesExistingHoldings()) {
                for (ClockBidder b : bidders) {
                    long held = cap.bands().stream().map(band -> b.holdings().getOrDefault(band, Mhz.ZERO))
                            .mapToLong(Mhz::khz).sum();
                    existing.put(b.id(), held);
                }
            }
            caps.add(new CapRule(cap.id(), khzPerBlock, cap.limit().khz(), existing));
        }
        List<EligibilityCondition> conditions = directive.eligibilityConditions().stream()
                .filter(c -> c.type() == EligibilityCondition.Type.MINIMUM_FIRST_ROUND_DEMAND)
                .filter(c -> c.stage().map(stageId::equals).orElse(false))
                .toList();
        return new ClockSetup(stageId, stage.increment(), stage.bidMultiple().amount(), stage.missingBid(),
                stage.activityRequirement(), stage.intraRoundBids(), products, openingPrices, bidders, caps,
                conditions, directive.successCriterion().map(SuccessCriterion::minSoldPercentOfMhz),
                HexFormat.of().formatHex(seed));
    }

    private static Stage.Clock clockStage(PolicyDirective directive, String stageId) {
        Stage stage = directive.stage(stageId).orElseThrow(
                () -> new IllegalArgumentException("the directive has no stage " + stageId));
        if (!(stage instanceof Stage.Clock clock)) {
            throw new IllegalArgumentException("stage " + stageId + " is " + stage.type() + ", not CLOCK");
        }
        return clock;
    }
}
