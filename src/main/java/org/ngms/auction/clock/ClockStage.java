package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ngms.shared.Percent;

/**
 * A clock stage as the list of its closed rounds, immutable: {@link #close} returns a new stage with one more round.
 * The service calls, per round: {@link #open} (the prices to publish), {@link #validate} for each bid as it arrives
 * (a rejection is a value to return to the bidder), and {@link #close} with the final bid set when the round's time
 * is up; after the last round, {@link #outcome}.
 */
public final class ClockStage {

    private final ClockSetup setup;
    private final ClockProcessor processor;
    private final List<ClockRound> rounds;
    private final Map<String, ClockProduct> products = new HashMap<>();
    private final Map<String, ClockRound.BidderRound> carried = new HashMap<>();
    private final Set<String> excluded = new HashSet<>();

    private ClockStage(ClockSetup setup, ClockProcessor processor, List<ClockRound> rounds) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.rounds = List.copyOf(rounds);
        setup.products().forEach(p -> products.put(p.id(), p));
        last().ifPresent(r -> r.bidders().forEach(b -> carried.put(b.bidder(), b)));
        this.rounds.forEach(r -> r.exclusions().forEach(e -> excluded.add(e.bidder())));
    }

    public static ClockStage start(ClockSetup setup) {
        return start(setup, new FastClockProcessor());
    }

    public static ClockStage start(ClockSetup setup, ClockProcessor processor) {
        return new ClockStage(setup, processor, List.of());
    }

    /** A stage resumed from rounds already closed (e.g. loaded from the database); they are taken as recorded. */
    public static ClockStage resume(ClockSetup setup, List<ClockRound> rounds) {
        return new ClockStage(setup, new FastClockProcessor(), rounds);
    }

    public ClockSetup setup() {
        return setup;
    }

    public List<ClockRound> rounds() {
        return rounds;
    }

    public int nextRound() {
        return rounds.size() + 1;
    }

    /** True after the first round without excess demand anywhere. */
    public boolean ended() {
        return !rounds.isEmpty() && ClockRules.stageEnds(rounds.get(rounds.size() - 1));
    }

    private Optional<ClockRound> last() {
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }

    /** Each bidder's eligibility for the next round (0 once excluded). */
    public Map<String, Integer> eligibility() {
        Map<String, Integer> eligibility = new TreeMap<>();
        for (ClockBidder b : setup.bidders()) {
            ClockRound.BidderRound previous = carried.get(b.id());
            eligibility.put(b.id(), previous == null ? b.eligibility() : previous.nextEligibility());
        }
        return eligibility;
    }

    /**
     * Each bidder's processed demand carried into the next round; before round 1, the starting demand a sealed stage
     * handed over (none for a stage of its own).
     */
    public Map<String, Integer> processedDemand(String bidder) {
        if (rounds.isEmpty()) {
            return setup.startingDemand().getOrDefault(bidder, Map.of());
        }
        ClockRound.BidderRound previous = carried.get(bidder);
        return previous == null ? Map.of() : (Map<String, Integer>) previous.processedDemand();
    }

    /** Bidders removed by a round-1 condition. */
    public Set<String> excluded() {
        return Set.copyOf(excluded);
    }

    /**
     * The prices of the next round. Round 1: every product at its opening price (SOR = CP). Later rounds: SOR is the
     * previous posted price; the clock price adds the increment where the previous round ended with excess demand.
     * {@code regulatorIncrement} is required, and checked against the published range, only when the directive lets
     * the regulator set each round's increment.
     */
    public ClockDecision<RoundPrices> open(Optional<Percent> regulatorIncrement) {
        if (ended()) {
            return ClockDecision.rejected(new Rejection("", "", ClockReasonCode.STAGE_ENDED,
                    "stage " + setup.stageId() + " ended after round " + rounds.size()));
        }
        Map<String, RoundPrices.Prices> prices = new LinkedHashMap<>();
        if (rounds.isEmpty()) {
            for (ClockProduct p : setup.products()) {
                long opening = setup.openingPrices().get(p.id());
                prices.put(p.id(), new RoundPrices.Prices(opening, opening));
            }
            return ClockDecision.allowed(new RoundPrices(1, prices, Optional.empty()));
        }
        ClockDecision<Percent> percent = ClockRules.incrementPercent(setup.increment(), regulatorIncrement);
        if (percent instanceof ClockDecision.Rejected<Percent> rejected) {
            return ClockDecision.rejected(rejected.rejection());
        }
        Percent inc = percent.orElseThrow();
        Map<String, ClockRound.ProductRound> previous = new HashMap<>();
        last().orElseThrow().products().forEach(p -> previous.put(p.product(), p));
        for (ClockProduct p : setup.products()) {
            ClockRound.ProductRound before = previous.get(p.id());
            long sor = before.postedPrice();
            long step = ClockRules.increment(setup.increment(), p.reserve(), sor, inc, setup.bidMultiple());
            prices.put(p.id(), new RoundPrices.Prices(sor, ClockRules.clockPrice(sor, before.excessDemand() > 0, step)));
        }
        Optional<Percent> announced = setup.increment().basis() == org.ngms.directive.Stage.IncrementBasis.REGULATOR_RANGE
                ? Optional.of(inc) : Optional.empty();
        return ClockDecision.allowed(new RoundPrices(nextRound(), prices, announced));
    }

    /** Whether one bid may enter the open round (see {@link ClockRules#validate}). */
    public ClockDecision<Bid> validate(RoundPrices prices, Bid bid) {
        Optional<Rejection> rejection = admitted(bid)
                .or(() -> ClockRules.validate(setup, products.get(bid.product()), prices,
                        processedDemand(bid.bidder()), bid));
        return rejection.<ClockDecision<Bid>>map(ClockDecision::rejected).orElseGet(() -> ClockDecision.allowed(bid));
    }

    /**
     * Every rejection that {@link #close} would record for {@code bids} if they were a bid set of the open round:
     * what the service checks at submission, so that a bid set it receipts is one the round will process as sent.
     */
    public List<Rejection> rejections(RoundPrices prices, Collection<Bid> bids) {
        return screen(prices, bids).rejections();
    }

    /** Bids sorted into rejections and valid bids (per bidder), and the products each bidder bid on. */
    private record Screened(List<Rejection> rejections, Map<String, List<Bid>> valid, Map<String, Set<String>> seen) {
    }

    /** Validates bids one by one in the order given; a second bid of a bidder for a product is a DUPLICATE_BID. */
    private Screened screen(RoundPrices prices, Collection<Bid> bids) {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, List<Bid>> valid = new TreeMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (Bid bid : bids) {
            Optional<Rejection> rejection = admitted(bid)
                    .or(() -> ClockRules.validate(setup, products.get(bid.product()), prices,
                        processedDemand(bid.bidder()), bid));
            if (rejection.isEmpty()
                    && !seen.computeIfAbsent(bid.bidder(), k -> new HashSet<>()).add(bid.product())) {
                rejection = Optional.of(new Rejection(bid.bidder(), bid.product(), ClockReasonCode.DUPLICATE_BID,
                        "a second bid for " + bid.product() + " in round " + prices.round()));
            }
            if (rejection.isPresent()) {
                rejections.add(rejection.get());
            } else {
                valid.computeIfAbsent(bid.bidder(), k -> new ArrayList<>()).add(bid);
            }
        }
        positionRules(rejections, valid, seen);
        return new Screened(rejections, valid, seen);
    }

    /**
     * An assignment clock's rules on a bidder's bid set, market by market, with the bids that survived the checks
     * of single bids: only positions of markets the bidder won; the demand asked for (bids over the processed demand)
     * at most one position, and exactly one once it holds a position. A bid set breaking one loses its bids in that
     * market, which count as missing (the bidder keeps its position).
     */
    private void positionRules(List<Rejection> rejections, Map<String, List<Bid>> valid,
                               Map<String, Set<String>> seen) {
        if (setup.positionMarkets().isEmpty()) {
            return;
        }
        for (String bidder : new ArrayList<>(valid.keySet())) {
            List<Bid> own = valid.get(bidder);
            List<Bid> kept = new ArrayList<>();
            Map<String, Integer> held = processedDemand(bidder);
            for (ClockSetup.PositionMarket market : setup.positionMarkets()) {
                List<Bid> inMarket = own.stream().filter(b -> market.positions().contains(b.product())).toList();
                if (inMarket.isEmpty()) {
                    continue;
                }
                Optional<String> broken = Optional.empty();
                ClockReasonCode code = ClockReasonCode.ONE_POSITION_PER_MARKET;
                if (!market.bidders().contains(bidder)) {
                    code = ClockReasonCode.POSITION_NOT_WON;
                    broken = Optional.of(bidder + " won no spectrum in market " + market.id());
                } else {
                    Map<String, Integer> asked = new HashMap<>();
                    market.positions().forEach(p -> asked.put(p, held.getOrDefault(p, 0)));
                    inMarket.forEach(b -> asked.put(b.product(), b.quantity()));
                    int positions = asked.values().stream().mapToInt(Integer::intValue).sum();
                    boolean holds = market.positions().stream().anyMatch(p -> held.getOrDefault(p, 0) > 0);
                    if (positions > 1 || inMarket.stream().anyMatch(b -> b.quantity() > 1)) {
                        broken = Optional.of("the bid set asks for " + positions + " positions of market "
                                + market.id() + "; a bidder holds one, and moves with a decrease on its position "
                                + "and an increase on one other");
                    } else if (positions == 0 && holds) {
                        broken = Optional.of("the bid set leaves market " + market.id() + " without a position; "
                                + "a move is a decrease on the position held with an increase on another");
                    }
                }
                if (broken.isPresent()) {
                    for (Bid b : inMarket) {
                        rejections.add(new Rejection(bidder, b.product(), code, broken.get()));
                        seen.get(bidder).remove(b.product());
                    }
                } else {
                    kept.addAll(inMarket);
                }
            }
            own.stream().filter(b -> setup.marketOf(b.product()).isEmpty()).forEach(kept::add);
            if (kept.isEmpty()) {
                valid.remove(bidder);
            } else {
                valid.put(bidder, kept);
            }
        }
    }

    private Optional<Rejection> admitted(Bid bid) {
        if (ended()) {
            return Optional.of(new Rejection(bid.bidder(), bid.product(), ClockReasonCode.STAGE_ENDED,
                    "stage " + setup.stageId() + " has ended"));
        }
        if (setup.bidders().stream().noneMatch(b -> b.id().equals(bid.bidder()))) {
            return Optional.of(new Rejection(bid.bidder(), bid.product(), ClockReasonCode.BIDDER_NOT_IN_STAGE,
                    "bidder " + bid.bidder() + " is not a bidder of stage " + setup.stageId()));
        }
        if (excluded.contains(bid.bidder())) {
            return Optional.of(new Rejection(bid.bidder(), bid.product(), ClockReasonCode.BIDDER_EXCLUDED,
                    "bidder " + bid.bidder() + " was excluded in round 1"));
        }
        return Optional.empty();
    }

    /**
     * Closes the open round with the final bid set and returns the stage with that round appended. Invalid bids are
     * recorded as rejections and count as missing; a second bid for the same bidder and product is rejected.
     *
     * @throws IllegalStateException if the stage has ended or {@code prices} are not this round's
     */
    public ClockStage close(RoundPrices prices, Collection<Bid> bids) {
        if (ended()) {
            throw new IllegalStateException("stage " + setup.stageId() + " has ended");
        }
        RoundPrices expected = open(prices.increment()).orElseThrow();
        if (!expected.equals(prices)) {
            throw new IllegalStateException("the prices given are not those of round " + nextRound());
        }
        int round = nextRound();
        Set<String> excluded = new HashSet<>(this.excluded);
        Map<String, Integer> eligibility = eligibility();

        // 1. validate, bidder by bidder in a fixed order
        Screened screened = screen(prices, bids);
        List<Rejection> rejections = screened.rejections();
        Map<String, List<Bid>> valid = screened.valid();
        Map<String, Set<String>> seen = screened.seen();

        // 2. round-1 conditions: a broken one voids the bidder's whole bid set and excludes it
        List<ClockRound.Exclusion> exclusions = new ArrayList<>();
        if (round == 1) {
            for (ClockBidder b : setup.bidders()) {
                Optional<ClockRound.Exclusion> broken = ClockRules.firstRoundCondition(setup, products, b,
                        valid.getOrDefault(b.id(), List.of()));
                if (broken.isPresent()) {
                    exclusions.add(broken.get());
                    valid.remove(b.id());
                    excluded.add(b.id());
                }
            }
        }

        // 3. missing bids, then processing
        List<Bid> toProcess = new ArrayList<>();
        List<ClockProcessor.BidderInput> bidderInputs = new ArrayList<>();
        for (ClockBidder b : setup.bidders()) {
            if (excluded.contains(b.id())) {
                continue;
            }
            Map<String, Integer> carried = processedDemand(b.id());
            List<Bid> own = valid.getOrDefault(b.id(), List.of());
            toProcess.addAll(own);
            Set<String> bidOn = seen.getOrDefault(b.id(), Set.of());
            for (var d : carried.entrySet()) {
                if (setup.missingBid() != org.ngms.directive.Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE
                        && !bidOn.contains(d.getKey())) {
                    ClockRules.missingBid(setup.missingBid(), b.id(), d.getKey(), d.getValue(),
                            prices.of(d.getKey())).ifPresent(toProcess::add);
                }
            }
            bidderInputs.add(new ClockProcessor.BidderInput(b.id(), eligibility.get(b.id()), carried));
        }
        if (round == 1) {
            toProcess.addAll(firstPositions(prices, valid));
        }
        List<ClockProcessor.ProductInput> productInputs = new ArrayList<>();
        for (ClockProduct p : setup.products()) {
            RoundPrices.Prices pr = prices.of(p.id());
            productInputs.add(new ClockProcessor.ProductInput(p, pr.startOfRound(), pr.clockPrice()));
        }
        ClockProcessor.Result result = processor.process(new ClockProcessor.Input(setup.stageId(), round,
                setup.seedHex(), productInputs, bidderInputs, setup.caps(), ClockRules.sorted(toProcess)));

        // 4. the round's record
        Map<String, Integer> aggregate = new HashMap<>();
        result.demand().values().forEach(d -> d.forEach((p, q) -> aggregate.merge(p, q, Integer::sum)));
        List<ClockRound.ProductRound> productRounds = new ArrayList<>();
        for (ClockProduct p : setup.products()) {
            RoundPrices.Prices pr = prices.of(p.id());
            int demand = aggregate.getOrDefault(p.id(), 0);
            productRounds.add(new ClockRound.ProductRound(p.id(), p.supply(), pr.startOfRound(), pr.clockPrice(),
                    result.postedPrices().get(p.id()), demand, demand - p.supply()));
        }
        List<ClockRound.BidderRound> bidderRounds = new ArrayList<>();
        for (ClockBidder b : setup.bidders()) {
            if (excluded.contains(b.id())) {
                bidderRounds.add(new ClockRound.BidderRound(b.id(), eligibility.get(b.id()), new TreeMap<>(), 0, 0));
                continue;
            }
            Map<String, Integer> demand = result.demand().get(b.id());
            long activity = ClockRules.activity(setup, demand);
            int elig = eligibility.get(b.id());
            bidderRounds.add(new ClockRound.BidderRound(b.id(), elig, new TreeMap<>(demand), activity,
                    ClockRules.nextEligibility(elig, activity, setup.activityRequirement())));
        }
        ClockRound closed = new ClockRound(setup.stageId(), round, prices.increment(), productRounds, bidderRounds,
                result.bids(), rejections, exclusions);
        List<ClockRound> next = new ArrayList<>(rounds);
        next.add(closed);
        return new ClockStage(setup, processor, next);
    }

    /**
     * An assignment clock's round 1 places every winner: one that sent no bid for a market's positions is given one,
     * at the opening price, for the position the fewest others asked for (the lowest of equals), winners taken in
     * order of their ids; it takes what is left rather than go without frequencies.
     */
    private List<Bid> firstPositions(RoundPrices prices, Map<String, List<Bid>> valid) {
        List<Bid> filled = new ArrayList<>();
        for (ClockSetup.PositionMarket market : setup.positionMarkets()) {
            Map<String, Integer> asked = new HashMap<>();
            market.positions().forEach(p -> asked.put(p, 0));
            valid.values().forEach(own -> own.stream().filter(b -> market.positions().contains(b.product()))
                    .forEach(b -> asked.merge(b.product(), b.quantity(), Integer::sum)));
            for (String bidder : market.bidders()) {
                boolean bid = valid.getOrDefault(bidder, List.of()).stream()
                        .anyMatch(b -> market.positions().contains(b.product()) && b.quantity() > 0);
                if (bid || excluded.contains(bidder)) {
                    continue;
                }
                String least = market.positions().get(0);
                for (String p : market.positions()) {
                    if (asked.get(p) < asked.get(least)) {
                        least = p;
                    }
                }
                asked.merge(least, 1, Integer::sum);
                filled.add(new Bid(bidder, least, 1, prices.of(least).clockPrice()));
            }
        }
        return filled;
    }

    /** The awards once the stage has ended. */
    public Optional<ClockOutcome> outcome() {
        if (!ended()) {
            return Optional.empty();
        }
        ClockRound finalRound = last().orElseThrow();
        Map<String, Long> prices = new TreeMap<>();
        Map<String, Integer> unsold = new TreeMap<>();
        long offered = 0;
        long sold = 0;
        for (ClockProduct p : setup.products()) {
            ClockRound.ProductRound pr = finalRound.product(p.id());
            prices.put(p.id(), pr.postedPrice());
            if (pr.aggregateDemand() < p.supply()) {
                unsold.put(p.id(), p.supply() - pr.aggregateDemand());
            }
            offered += p.khzPerBlock() * p.supply();
            sold += p.khzPerBlock() * Math.min(pr.aggregateDemand(), p.supply());
        }
        List<ClockOutcome.Award> awards = new ArrayList<>();
        long revenue = 0;
        for (ClockRound.BidderRound b : finalRound.bidders()) {
            if (b.processedDemand().isEmpty()) {
                continue;
            }
            Map<String, Long> perLot = new TreeMap<>();
            long total = 0;
            for (var d : b.processedDemand().entrySet()) {
                long price = prices.get(d.getKey());
                perLot.put(d.getKey(), price);
                total = Math.addExact(total, Math.multiplyExact(price, d.getValue()));
            }
            revenue += total;
            awards.add(new ClockOutcome.Award(b.bidder(), new TreeMap<>(b.processedDemand()), new TreeMap<>(perLot),
                    total));
        }
        final long soldKhz = sold;
        final long offeredKhz = offered;
        Optional<ClockOutcome.Success> success = setup.minSoldPercentOfMhz().map(required ->
                new ClockOutcome.Success(required, ClockRules.successful(soldKhz, offeredKhz, required)));
        List<ClockRound.Exclusion> exclusions = new ArrayList<>();
        rounds.forEach(r -> exclusions.addAll(r.exclusions()));
        return Optional.of(new ClockOutcome(setup.stageId(), rounds.size(), awards, new TreeMap<>(unsold),
                new TreeMap<>(prices), revenue, sold, offered, success, exclusions));
    }
}
