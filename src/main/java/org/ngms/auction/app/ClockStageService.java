package org.ngms.auction.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.Instants;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Auction;
import org.ngms.auction.Bidder;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockDecision;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.clock.ClockRules;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRoundJson;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockSetups;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.persistence.StageStore;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Percent;
import org.ngms.shared.Violation;
import org.ngms.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a clock stage in time on the clock engine. The engine state is never stored as such: it is rebuilt from the
 * stage's setup (directive, qualified bidders, the products a sealed stage escalated, the committed seed) and the
 * stored bids of every closed round, so a restarted service, or another instance, resumes exactly where the stage was
 * and every round replays bit for bit. Rounds close once (conditional update), may be paused, resumed and extended.
 * Where the directive lets the regulator set each round's increment within a range, the increment set for a round
 * (stored, so the replay uses it too) applies when it opens; a round with none opens at the range's minimum.
 */
@Service
public class ClockStageService {

    private final ClockStore clocks;
    private final StageStore stages;
    private final AuctionStore auctions;
    private final DirectiveCatalog catalog;
    private final OutcomeWriter outcomes;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClockStageService(ClockStore clocks, StageStore stages, AuctionStore auctions, DirectiveCatalog catalog,
                             OutcomeWriter outcomes, AuditTrail audit, TransactionalOperator transaction,
                             Clock clock) {
        this.clocks = clocks;
        this.stages = stages;
        this.auctions = auctions;
        this.catalog = catalog;
        this.outcomes = outcomes;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The engine of a clock stage as it stands: setup plus every processed round replayed from its stored bids. */
    public Mono<ClockStage> engine(UUID auction, String stageId) {
        return engineWithIncrements(auction, stageId).map(Engine::stage);
    }

    /** The engine and the increments the regulator set for the stage's rounds. */
    private Mono<Engine> engineWithIncrements(UUID auction, String stageId) {
        return auctions.find(auction).flatMap(v -> catalog.of(v.auction())
                .flatMap(d -> setup(v.auction(), d, stageId))
                .flatMap(setup -> clocks.increments(auction, stageId)
                        .collectMap(ClockStore.IncrementRow::round, r -> Percent.parse(r.percent()))
                        .flatMap(increments -> clocks.rounds(auction, stageId)
                                // processed rounds: a round being closed in this transaction has no result yet
                                .filter(r -> r.roundJson().isPresent())
                                .concatMap(r -> clocks.latestBids(auction, stageId, r.round()).collectList())
                                .collectList()
                                .map(closedRounds -> replay(setup, increments, closedRounds)))));
    }

    /** A stage's engine with the regulator's increments: {@link #next} opens its next round as the service did. */
    private record Engine(ClockStage stage, Map<Integer, Percent> increments) {
        RoundPrices next() {
            return stage.open(incrementOf(stage.setup().increment(), increments, stage.rounds().size() + 1))
                    .orElseThrow();
        }
    }

    /**
     * The regulator's increment for round {@code round}: none unless the directive's basis is REGULATOR_RANGE (and
     * none for round 1, whose prices are the opening prices); otherwise the one set for the round, or the range's
     * minimum.
     */
    static Optional<Percent> incrementOf(Stage.Increment rule, Map<Integer, Percent> set, int round) {
        if (rule.basis() != Stage.IncrementBasis.REGULATOR_RANGE || round < 2) {
            return Optional.empty();
        }
        return Optional.of(set.getOrDefault(round, rule.minPercent().orElse(new Percent(0))));
    }

    private Engine replay(ClockSetup setup, Map<Integer, Percent> increments,
                          List<List<ClockStore.BidRow>> closedRounds) {
        Engine engine = new Engine(ClockStage.start(setup), increments);
        for (List<ClockStore.BidRow> bids : closedRounds) {
            engine = new Engine(engine.stage().close(engine.next(), bidsOf(bids)), increments);
        }
        return engine;
    }

    /**
     * The stage's setup. A clock stage that continues a sealed stage runs only the escalated products, from their
     * reserve, with the bidders that demanded them; their caps count what the sealed stage awarded them.
     */
    Mono<ClockSetup> setup(Auction auction, PolicyDirective d, String stageId) {
        return auctions.bidders(auction.id()).collectList()
                .zipWith(auctions.seed(auction.id()))
                .zipWith(stages.windows(auction.id()).collectList())
                .map(db -> setupFrom(d, stageId, db.getT1().getT1(), db.getT1().getT2(), db.getT2()));
    }

    private ClockSetup setupFrom(PolicyDirective d, String stageId, List<Bidder> registered, byte[] seed,
                                 List<StageStore.Window> windows) {
        List<JsonNode> results = windows.stream()
                .map(w -> w.resultJson().map(json::readTree))
                .flatMap(Optional::stream)
                .toList();
        return ClockSetups.forStage(d, stageId, registered, seed, results);
    }

    // --- rounds in time

    /** Opens round 1 when the stage's window opens. */
    Mono<Void> start(UUID auction, String stageId, Instant now) {
        return open(auction, stageId, 1, now);
    }

    private Mono<Void> open(UUID auction, String stageId, int round, Instant now) {
        return auctions.find(auction).flatMap(v -> catalog.of(v.auction()).flatMap(d -> {
            Stage.Clock stage = (Stage.Clock) d.stage(stageId).orElseThrow();
            Duration length = Duration.ofMinutes(round == 1 ? stage.firstRoundMinutes() : stage.roundMinutes());
            return engineWithIncrements(auction, stageId).flatMap(engine -> {
                RoundPrices prices = engine.next();
                return clocks.openRound(auction, stageId, round, now, now.plus(length))
                        .then(audit.event(Chains.auction(auction), "ROUND_OPENED", roundOpened(stageId, prices,
                                now.plus(length))));
            });
        })).then();
    }

    private static ObjectNode roundOpened(String stageId, RoundPrices prices, Instant closesAt) {
        ObjectNode o = AuditTrail.object().put("stage", stageId).put("round", prices.round())
                .put("closesAt", Instants.format(closesAt));
        prices.increment().ifPresent(p -> o.put("increment", p.toString()));
        ObjectNode products = o.putObject("prices");
        prices.products().forEach((product, p) -> products.putObject(product)
                .put("startOfRound", p.startOfRound()).put("clockPrice", p.clockPrice()));
        return o;
    }

    /** Closes every round whose deadline has passed (on any instance: each closes once). */
    public Mono<Void> closeDue(Instant now) {
        return clocks.dueToClose(now)
                .concatMap(r -> close(r.auction(), r.stage(), r.round(), now))
                .then();
    }

    /**
     * Closes round {@code round}: processes the latest bids of every bidder, records the round (with its bids) in the
     * transcript, and opens the next round, or ends the stage and publishes the outcome.
     */
    public Mono<Void> close(UUID auction, String stageId, int round, Instant now) {
        return clocks.close(auction, stageId, round)
                .filter(Boolean::booleanValue)
                .flatMap(closed -> process(auction, stageId, round, now))
                .as(transaction::transactional);
    }

    private Mono<Void> process(UUID auction, String stageId, int round, Instant now) {
        return engineWithIncrements(auction, stageId).flatMap(before -> clocks.latestBids(auction, stageId, round)
                .collectList()
                .flatMap(bids -> {
                    ClockStage after = before.stage().close(before.next(), bidsOf(bids));
                    ClockRound result = after.rounds().get(after.rounds().size() - 1);
                    String canonical = ClockRoundJson.canonical(result);
                    ObjectNode record = AuditTrail.object().put("stage", stageId).put("round", round)
                            .put("roundSha256", ClockRoundJson.sha256(result));
                    record.set("bids", bidsJson(bids));
                    record.set("result", json.readTree(canonical));
                    Mono<Void> next = after.ended()
                            ? end(auction, stageId, after, now)
                            : open(auction, stageId, round + 1, now);
                    return clocks.storeResult(auction, stageId, round, canonical)
                            .then(audit.event(Chains.auction(auction), "ROUND_RESULT", record))
                            .then(recordExclusions(auction, stageId, round, result))
                            .then(next);
                }));
    }

    /**
     * A bidder excluded in round 1 (2026: an incumbent demanding fewer than 5 lots of 2600 or of 3500) has its whole
     * bid set voided; the transcript records the exclusion and, where the directive says so, that its pre-bid deposit
     * is forfeited, with the amount, for the regulator to call the guarantee.
     */
    private Mono<Void> recordExclusions(UUID auction, String stageId, int round, ClockRound result) {
        if (result.exclusions().isEmpty()) {
            return Mono.empty();
        }
        return auctions.bidders(auction).collectMap(Bidder::id)
                .flatMapMany(registered -> Flux.fromIterable(result.exclusions()).concatMap(e -> {
                    boolean forfeited = e.consequence()
                            == org.ngms.directive.EligibilityCondition.Consequence.EXCLUDE_AND_FORFEIT_DEPOSIT;
                    ObjectNode facts = AuditTrail.object().put("stage", stageId).put("round", round)
                            .put("bidder", e.bidder()).put("condition", e.condition())
                            .put("consequence", e.consequence().name()).put("message", e.message())
                            .put("depositForfeited", forfeited);
                    if (forfeited && registered.containsKey(e.bidder())) {
                        facts.put("deposit", registered.get(e.bidder()).deposit().amount());
                    }
                    return audit.event(Chains.auction(auction), "BIDDER_EXCLUDED", facts);
                }))
                .then();
    }

    private Mono<Void> end(UUID auction, String stageId, ClockStage stage, Instant now) {
        ClockOutcome outcome = stage.outcome().orElseThrow();
        ObjectNode result = outcomes.clockResult(outcome);
        return stages.storeResult(auction, stageId, json.writeValueAsString(result))
                .then(stages.advance(auction, stageId, "OPEN", "EVALUATED", now))
                .then(audit.event(Chains.auction(auction), "STAGE_RESULT",
                        AuditTrail.object().put("stage", stageId).set("result", result)))
                .then(auctions.find(auction))
                .flatMap(v -> catalog.of(v.auction()).zipWith(stages.windows(auction).collectList())
                        .flatMap(db -> publish(v.auction(), outcomes.outcome(v.auction(), db.getT1(), db.getT2(),
                                outcome), now)));
    }

    private Mono<Void> publish(Auction auction, ObjectNode outcome, Instant now) {
        return audit.event(Chains.auction(auction.id()), "OUTCOME_PUBLISHED", AuditTrail.object().set("outcome", outcome))
                .flatMap(entry -> stages.insertOutcome(auction.id(), json.writeValueAsString(outcome),
                        entry.record().seq(), now));
    }

    // --- bids

    /** A bidder's bids for the open round: each a product, a quantity and a price (the clock price if absent). */
    @Transactional
    public Mono<SubmittedBids> submit(String actor, String bidderId, UUID auction, String stageId, int round,
                                          JsonNode body) {
        Instant now = clock.instant();
        return requireBidding(auction)
                .then(clocks.roundForUpdate(auction, stageId, round))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("round " + round + " of stage " + stageId)))
                .flatMap(row -> {
                    if (!row.state().equals("OPEN") || row.pausedAt().isPresent() || !now.isBefore(row.closesAt())) {
                        return Mono.error(new ProblemException(409, "round-closed", "Round closed",
                                "round " + round + " takes no bids now" + (row.pausedAt().isPresent()
                                        ? ": the auction is paused" : "; its deadline was " + row.closesAt())));
                    }
                    return engineWithIncrements(auction, stageId);
                })
                .flatMap(engine -> {
                    RoundPrices prices = engine.next();
                    List<Bid> bids = readBids(bidderId, body, prices);
                    for (Bid bid : bids) {
                        if (engine.stage().validate(prices, bid) instanceof ClockDecision.Rejected<Bid> rejected) {
                            throw new ProblemException(422, rejected.rejection().reason().name().toLowerCase()
                                    .replace('_', '-'), "Bid refused", rejected.rejection().message());
                        }
                    }
                    ArrayNode normalised = AuditTrail.object().arrayNode();
                    bids.forEach(b -> normalised.addObject().put("product", b.product()).put("quantity", b.quantity())
                            .put("price", b.price()));
                    String bidsJson = json.writeValueAsString(normalised);
                    return clocks.latestBidVersion(auction, stageId, round, bidderId)
                            .flatMap(v -> clocks.insertBids(auction, stageId, round, bidderId, v + 1, now, bidsJson)
                                    .then(recordBids(actor, auction, stageId, round, bidderId, v + 1, normalised)));
                });
    }

    /** Bids accepted into a round, with the signed receipt of their transcript record. */
    public record SubmittedBids(String bidder, int round, int version, Instant submittedAt, JsonNode bids,
                                org.ngms.audit.Receipt receipt) {
    }

    private Mono<SubmittedBids> recordBids(String actor, UUID auction, String stageId, int round, String bidderId,
                                           int version, ArrayNode bids) {
        ObjectNode request = AuditTrail.object().put("action", "SUBMIT_CLOCK_BIDS").put("auction", auction.toString())
                .put("stage", stageId).put("round", round).put("bidder", bidderId).put("version", version);
        request.set("bids", bids);
        return audit.auctionRequest(auction, Optional.of(stageId), Optional.of(round), "CLOCK_BIDS_SUBMITTED", actor,
                        request, AuditTrail.object().put("bidder", bidderId).put("round", round).put("version", version))
                .map(recorded -> new SubmittedBids(bidderId, round, version,
                        Instant.parse(recorded.entry().record().at()), bids, recorded.receipt()));
    }

    /** Bids and deadlines concern only an auction that is bidding (not one cancelled or concluded): else 409. */
    public Mono<Void> requireBidding(UUID auction) {
        return auctions.find(auction)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("auction " + auction)))
                .filter(v -> v.auction().state() == org.ngms.auction.AuctionState.BIDDING)
                .switchIfEmpty(Mono.error(() -> new ProblemException(409, "auction-not-bidding",
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
            throw new ProblemException(422, "request-invalid", "Invalid bid", reader.violations().size()
                    + " field(s) invalid; see errors", reader.violations());
        }
        return bids;
    }

    private List<Bid> bidsOf(List<ClockStore.BidRow> rows) {
        List<Bid> bids = new ArrayList<>();
        for (ClockStore.BidRow row : rows) {
            json.readTree(row.bidsJson()).forEach(b -> bids.add(new Bid(row.bidder(), b.get("product").asString(),
                    b.get("quantity").intValue(), b.get("price").longValue())));
        }
        return bids;
    }

    private ArrayNode bidsJson(List<ClockStore.BidRow> rows) {
        ArrayNode array = AuditTrail.object().arrayNode();
        rows.forEach(r -> array.addObject().put("bidder", r.bidder()).put("version", r.version())
                .set("bids", json.readTree(r.bidsJson())));
        return array;
    }

    // --- the regulator's controls

    @Transactional
    public Mono<ClockStore.RoundRow> control(String actor, UUID auction, String stageId, int round, String action,
                                             Optional<Instant> closesAt) {
        Instant now = clock.instant();
        return clocks.roundForUpdate(auction, stageId, round)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("round " + round + " of stage " + stageId)))
                .flatMap(row -> {
                    if (!row.state().equals("OPEN")) {
                        return Mono.error(new ProblemException(409, "round-closed", "Round closed",
                                "round " + round + " has closed"));
                    }
                    Mono<Void> change = switch (action) {
                        case "pause" -> row.pausedAt().isPresent() ? conflict("the round is already paused")
                                : clocks.pause(auction, stageId, round, now);
                        case "resume" -> row.pausedAt().isEmpty() ? conflict("the round is not paused")
                                : clocks.resume(auction, stageId, round, now);
                        case "extend" -> closesAt.filter(c -> c.isAfter(row.closesAt())).isEmpty()
                                ? Mono.error(new ProblemException(422, "deadline-not-later", "Deadline not later",
                                "closesAt must be after " + row.closesAt(), List.of(Violation.of("closesAt",
                                "OUT_OF_RANGE", "after the current deadline", closesAt.orElse(null)))))
                                : clocks.extend(auction, stageId, round, closesAt.get());
                        default -> Mono.error(ProblemException.notFound("control " + action));
                    };
                    ObjectNode request = AuditTrail.object().put("action", action.toUpperCase() + "_ROUND")
                            .put("auction", auction.toString()).put("stage", stageId).put("round", round);
                    closesAt.ifPresent(c -> request.put("closesAt", Instants.format(c)));
                    return change
                            .then(audit.request(Chains.auction(auction), "ROUND_" + action.toUpperCase() + "D", actor,
                                    request, AuditTrail.object()))
                            .then(clocks.roundForUpdate(auction, stageId, round));
                });
    }

    /**
     * The regulator sets the increment of round {@code round} of a clock stage whose directive lets it
     * (REGULATOR_RANGE), within the directive's [minPercent, maxPercent], while round {@code round - 1} is open, so
     * before round {@code round} opens: body {@code {"percent": "10"}}. Setting it again replaces it. Recorded in the
     * transcript as {@code ROUND_INCREMENT_SET}; {@code ROUND_OPENED} records the increment the round opened with.
     */
    @Transactional
    public Mono<ObjectNode> setIncrement(String actor, UUID auction, String stageId, int round, JsonNode body) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        Percent percent = root.percent("percent", true, 100);
        root.build(() -> Boolean.TRUE);
        if (reader.hasViolations()) {
            return Mono.error(new ProblemException(422, "request-invalid", "Invalid increment",
                    reader.violations().size() + " field(s) invalid; see errors", reader.violations()));
        }
        return auctions.find(auction)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("auction " + auction)))
                .flatMap(v -> catalog.of(v.auction()))
                .flatMap(d -> {
                    Stage stage = d.stage(stageId).orElseThrow(() -> ProblemException.notFound("stage " + stageId));
                    if (!(stage instanceof Stage.Clock clockStage)
                            || clockStage.increment().basis() != Stage.IncrementBasis.REGULATOR_RANGE) {
                        return Mono.error(new ProblemException(422, "increment-not-regulated",
                                "Increment not set by the regulator", "stage " + stageId + " does not let the "
                                + "regulator set its increments (the directive's increment basis is not "
                                + "REGULATOR_RANGE)"));
                    }
                    if (ClockRules.incrementPercent(clockStage.increment(), Optional.of(percent))
                            instanceof ClockDecision.Rejected<Percent> rejected) {
                        return Mono.error(new ProblemException(422, "increment-out-of-range",
                                "Increment out of range", rejected.rejection().message(), List.of(Violation.of(
                                "percent", "OUT_OF_RANGE", rejected.rejection().message(), percent.toString()))));
                    }
                    Mono<ClockStore.RoundRow> before = round < 2 ? Mono.empty()
                            : clocks.roundForUpdate(auction, stageId, round - 1);
                    return before
                            .filter(row -> row.state().equals("OPEN"))
                            .switchIfEmpty(Mono.error(() -> new ProblemException(422, "round-not-next",
                                    "Not the next round", "the increment of round " + round + " can be set only "
                                    + "while round " + (round - 1) + " is open, before round " + round + " opens")))
                            .flatMap(row -> {
                                ObjectNode request = AuditTrail.object().put("action", "SET_ROUND_INCREMENT")
                                        .put("auction", auction.toString()).put("stage", stageId).put("round", round)
                                        .put("percent", percent.toString());
                                ObjectNode facts = AuditTrail.object().put("stage", stageId).put("round", round)
                                        .put("percent", percent.toString());
                                return clocks.setIncrement(auction, stageId, round, percent.toString())
                                        .then(audit.request(Chains.auction(auction), "ROUND_INCREMENT_SET", actor,
                                                request, facts))
                                        .thenReturn(facts);
                            });
                });
    }

    private static Mono<Void> conflict(String why) {
        return Mono.error(new ProblemException(409, "round-state", "Round state", why));
    }

    public Flux<ClockStore.RoundRow> rounds(UUID auction, String stageId) {
        return clocks.rounds(auction, stageId);
    }

    /** Every version of one bidder's bids in a round. */
    public Flux<ClockStore.BidRow> ownBids(UUID auction, String stageId, int round, String bidder) {
        return clocks.bids(auction, stageId, round, bidder);
    }
}
