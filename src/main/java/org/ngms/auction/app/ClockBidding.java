package org.ngms.auction.app;

import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.Refused;
import org.ngms.auction.ReasonCode;
import org.ngms.shared.CommonReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.audit.Receipt;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.events.BidSet;
import org.ngms.auction.events.ClockBidsSubmitted;
import org.ngms.auction.AuctionState;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockProduct;
import org.ngms.auction.clock.ClockReasonCode;
import org.ngms.auction.clock.ClockRules;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.clock.Rejection;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' bids in the open clock round. A bid set is checked against the round as the engine in memory has it,
 * with every rule the round's processing applies to it (so a receipted bid set is processed as sent), stored as the
 * bidder's next version and recorded in the transcript with a signed receipt, all in one transaction that holds a
 * share lock on the round's row: bids of different bidders go in side by side, and a round cannot close (nor be
 * paused or extended) between a check and its commit. Two submissions of one bidder racing for the same version:
 * the second is refused {@code 409 conflict} (retry), never stored twice.
 */
@Service
public class ClockBidding {

    private final ClockStore clocks;
    private final AuctionStore auctions;
    private final ClockEngines engines;
    private final AuditTrail audit;
    private final Compute compute;
    private final Clock clock;
    private final org.ngms.auction.persistence.StageStore stages;
    private final SmraBidding smra;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClockBidding(ClockStore clocks, AuctionStore auctions, ClockEngines engines, AuditTrail audit,
                        Compute compute, Clock clock, org.ngms.auction.persistence.StageStore stages,
                        SmraBidding smra) {
        this.stages = stages;
        this.smra = smra;
        this.clocks = clocks;
        this.auctions = auctions;
        this.engines = engines;
        this.audit = audit;
        this.compute = compute;
        this.clock = clock;
    }

    /** Bids accepted into a round, with the signed receipt of their transcript record. */
    public record SubmittedBids(String bidder, int round, int version, Instant submittedAt, JsonNode bids,
                                Receipt receipt) {
    }

    /**
     * A bidder's bids for the open round: in a clock stage each a product, a quantity and a price (the clock price
     * if absent); in an SMRA stage an action set ({@link SmraBidding}).
     */
    @Transactional
    public Mono<SubmittedBids> submit(String actor, BidderId bidderId,
            AuctionId auction, StageId stageId, int round, JsonNode body) {
        return submit(actor, bidderId.value(), auction.value(), stageId.value(), round, body);
    }

    private Mono<SubmittedBids> submit(String actor, String bidderId, UUID auction, String stageId, int round,
                                      JsonNode body) {
        Instant now = clock.instant();
        return requireBidding(auction)
                .then(stages.window(auction, stageId))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("stage " + stageId)))
                .flatMap(w -> w.stageType().equals(org.ngms.directive.Stage.StageType.SMRA.name())
                        ? smra.submit(actor, bidderId, auction, stageId, round, body)
                        : submitClock(actor, bidderId, auction, stageId, round, body, now));
    }

    private Mono<SubmittedBids> submitClock(String actor, String bidderId, UUID auction, String stageId, int round,
                                            JsonNode body, Instant now) {
        return clocks.roundForShare(auction, stageId, round)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("round " + round + " of stage " + stageId)))
                .flatMap(row -> takingBids(row, now)
                        .then(engines.after(AuctionId.of(auction), StageId.of(stageId), round - 1)))
                // reading and checking a few hundred bids is CPU work: on the compute pool, not the database's loop
                .flatMap(engine -> compute.run(() -> accepted(engine, bidderId, round, body)))
                .flatMap(bids -> clocks.latestBidVersion(auction, stageId, round, bidderId)
                        .map(v -> new ClockBidsSubmitted(auction, stageId, round, new BidSet(bidderId, v + 1, bids)))
                        .flatMap(event -> clocks.insertBids(auction, stageId, round, bidderId, event.set().version(),
                                        now, json.writeValueAsString(BidSet.json(event.bids())))
                                .then(audit.append(auction, Optional.of(stageId), Optional.of(round), actor, event))
                                .map(recorded -> new SubmittedBids(bidderId, round, event.set().version(),
                                        Instant.parse(recorded.entry().record().at()), BidSet.json(event.bids()),
                                        recorded.receipt()))));
    }

    /**
     * The bid set as it will be stored (every bid with its price), if the round's processing would take every bid of
     * it; otherwise the problem naming each refused bid and its rule.
     */
    private List<Bid> accepted(ClockEngines.LiveClock engine, String bidderId, int round, JsonNode body) {
        RoundPrices prices = engine.pricesOf(round);
        List<Bid> bids = readBids(bidderId, body, prices);
        List<Rejection> rejections = engine.stage().rejections(prices, bids);
        if (!rejections.isEmpty()) {
            throw refused(bids, rejections);
        }
        return bids;
    }

    private static Refused refused(List<Bid> bids, List<Rejection> rejections) {
        List<Violation> errors = new ArrayList<>();
        for (Rejection r : rejections) {
            int index = -1;
            for (int i = 0; i < bids.size(); i++) {
                if (bids.get(i).product().equals(r.product())) {
                    index = i;
                }
            }
            String path = index < 0 ? "bids" : "bids[" + index + "]";
            errors.add(Violation.of(path, r.reason().name(), r.message(), r.product()));
        }
        Rejection first = rejections.get(0);
        return new Refused(first.reason(), "Bid refused", first.message(), errors);
    }

    /**
     * The open clock round as a bidder prepares its bids: per product the supply, the start-of-round and clock price,
     * and the eligibility points a block counts; the stage's bid multiple and whether intra-round bids are allowed.
     */
    public record OpenRound(int round, long bidMultiple, boolean intraRoundBids, List<OpenProduct> products) {
    }

    public record OpenProduct(String product, String category, String area, int supply, int maxPerBidder,
                              int eligibilityPoints, long startOfRound, long clockPrice) {
    }

    /** The prices of clock round {@code round}, which must be the open one (empty for an SMRA stage). */
    public Mono<OpenRound> openRound(AuctionId auction, StageId stageId, int round) {
        return engines.after(auction, stageId, round - 1).map(engine -> {
            RoundPrices prices = engine.pricesOf(round);
            List<OpenProduct> products = new ArrayList<>();
            for (var p : engine.stage().setup().products()) {
                RoundPrices.Prices of = prices.of(p.id());
                products.add(new OpenProduct(p.id(), p.category(), p.area(), p.supply(), p.maxPerBidder(),
                        p.eligibilityPoints(), of.startOfRound(), of.clockPrice()));
            }
            return new OpenRound(round, engine.stage().setup().bidMultiple(), engine.stage().setup().intraRoundBids(),
                    products);
        });
    }

    /**
     * What a bid set would meet if submitted now, without storing anything: the refusals a submission would get
     * ({@code errors}, as the 422 names them), and the consequences the directive attaches to a bid set it accepts
     * ({@code warnings}): a round-1 minimum not met (the whole set invalid, or the bidder excluded and its deposit
     * forfeited) and a drop in eligibility because the set's activity is below the requirement.
     */
    public record Preview(int round, int eligibility, long activity, int nextEligibility, List<Violation> errors,
                          List<Warning> warnings) {
    }

    /** A consequence of an accepted bid set: {@code rule} (a condition's id or ELIGIBILITY_DROP) and its effect. */
    public record Warning(String rule, String consequence, String message) {
    }

    /** A bidder's position as an open clock round began: its eligibility and the processed demand it carries. */
    public record Standing(int eligibility, Map<String, Integer> processedDemand, boolean excluded) {
    }

    public Mono<Standing> standing(AuctionId auction, StageId stageId, int round, BidderId bidder) {
        return engines.after(auction, stageId, round - 1).map(engine -> new Standing(
                engine.stage().eligibility().getOrDefault(bidder.value(), 0),
                new TreeMap<>(engine.stage().processedDemand(bidder.value())),
                engine.stage().excluded().contains(bidder.value())));
    }

    public Mono<Preview> preview(BidderId bidder, AuctionId auction, StageId stageId, int round, JsonNode body) {
        return clocks.rounds(auction.value(), stageId.value()).filter(r -> r.round() == round).next()
                .switchIfEmpty(Mono.error(() -> Refused.notFound("round " + round + " of stage " + stageId.value())))
                .flatMap(row -> takingBids(row, clock.instant()))
                .then(engines.after(auction, stageId, round - 1))
                .flatMap(engine -> compute.run(() -> preview(engine, bidder.value(), round, body)));
    }

    private static Preview preview(ClockEngines.LiveClock engine, String bidderId, int round, JsonNode body) {
        var setup = engine.stage().setup();
        var bidder = setup.bidders().stream().filter(b -> b.id().equals(bidderId)).findFirst()
                .orElseThrow(() -> new Refused(ClockReasonCode.BIDDER_NOT_IN_STAGE, "Not a bidder of this stage",
                        "bidder " + bidderId + " does not bid in stage " + setup.stageId()));
        RoundPrices prices = engine.pricesOf(round);
        List<Bid> bids;
        try {
            bids = readBids(bidderId, body, prices);
        } catch (Refused refused) {
            return new Preview(round, engine.stage().eligibility().getOrDefault(bidderId, 0), 0, 0,
                    refused.errors(), List.of());
        }
        List<Violation> errors = new ArrayList<>();
        List<Rejection> rejections = engine.stage().rejections(prices, bids);
        if (!rejections.isEmpty()) {
            errors.addAll(refused(bids, rejections).errors());
        }
        Map<String, Integer> demand = new TreeMap<>(engine.stage().processedDemand(bidderId));
        bids.forEach(b -> demand.put(b.product(), b.quantity()));
        int eligibility = engine.stage().eligibility().getOrDefault(bidderId, 0);
        long activity = ClockRules.activity(setup, demand);
        int next = ClockRules.nextEligibility(eligibility, activity,
                setup.activityRequirement());
        List<Warning> warnings = new ArrayList<>();
        if (round == 1 && errors.isEmpty()) {
            Map<String, ClockProduct> products = new HashMap<>();
            setup.products().forEach(p -> products.put(p.id(), p));
            ClockRules.firstRoundCondition(setup, products, bidder, bids)
                    .ifPresent(x -> warnings.add(new Warning(x.condition(), x.consequence().name(), x.message())));
        }
        if (next < eligibility) {
            warnings.add(new Warning("ELIGIBILITY_DROP", "ELIGIBILITY_REDUCED", "this bid set's activity is "
                    + activity + " points, below the requirement of " + setup.activityRequirement() + " % of "
                    + eligibility + ": eligibility for the next round falls to " + next + " points"));
        }
        return new Preview(round, eligibility, activity, next, errors, warnings);
    }

    /** A round takes bids while it is open, not paused, and before its deadline; else 409 round-closed. */
    static Mono<Void> takingBids(ClockStore.RoundRow row, Instant now) {
        if (!row.state().equals("OPEN") || row.pausedAt().isPresent() || !now.isBefore(row.closesAt())) {
            return Mono.error(new Refused(ReasonCode.ROUND_CLOSED, "Round closed",
                    "round " + row.round() + " takes no bids now" + (row.pausedAt().isPresent()
                            ? ": the auction is paused" : "; its deadline was " + row.closesAt())));
        }
        return Mono.empty();
    }

    /** Bids and deadlines concern only an auction that is bidding (not one cancelled or concluded): else 409. */
    public Mono<Void> requireBidding(AuctionId auction) {
        return requireBidding(auction.value());
    }

    private Mono<Void> requireBidding(UUID auction) {
        return auctions.find(auction)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("auction " + auction)))
                .filter(v -> v.auction().state() == AuctionState.BIDDING)
                .switchIfEmpty(Mono.error(() -> new Refused(ReasonCode.AUCTION_NOT_BIDDING,
                        "Auction not bidding", "the auction is not in BIDDING")))
                .then();
    }

    private static List<Bid> readBids(String bidderId, JsonNode body, RoundPrices prices) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        List<Bid> bids = root.list("bids", true, b -> {
            String product = b.id("product");
            Integer quantity = b.integer("quantity", 0, 10_000);
            Optional<Long> price = b.optionalPositiveMoney("price").map(m -> m.amount());
            return b.build(() -> new Bid(bidderId, product, quantity, price.orElseGet(
                    () -> prices.of(product) == null ? 0L : prices.of(product).clockPrice())));
        });
        root.build(() -> Boolean.TRUE);
        if (reader.hasViolations()) {
            throw new Refused(CommonReason.REQUEST_INVALID, "Invalid bid", reader.violations().size()
                    + " field(s) invalid; see errors", reader.violations());
        }
        return bids;
    }

    public Flux<ClockStore.RoundRow> rounds(AuctionId auction, StageId stageId) {
        return rounds(auction.value(), stageId.value());
    }

    private Flux<ClockStore.RoundRow> rounds(UUID auction, String stageId) {
        return clocks.rounds(auction, stageId);
    }

    /** Every version of one bidder's bids in a round. */
    public Flux<ClockStore.BidRow> ownBids(AuctionId auction, StageId stageId, int round, BidderId bidder) {
        return ownBids(auction.value(), stageId.value(), round, bidder.value());
    }

    private Flux<ClockStore.BidRow> ownBids(UUID auction, String stageId, int round, String bidder) {
        return clocks.bids(auction, stageId, round, bidder);
    }
}
