package org.ngms.auction.app;

import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.Refused;
import org.ngms.auction.ReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Auction;
import org.ngms.auction.Bidder;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.StageStore;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.auction.events.OutcomePublished;
import org.ngms.auction.events.SealedBidsOpened;
import org.ngms.auction.events.StageClosed;
import org.ngms.auction.events.StageDeadlineExtended;
import org.ngms.auction.events.StageOpened;
import org.ngms.auction.events.StageResult;
import org.ngms.auction.events.StageScheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an auction's stages in time. Windows open and close by the schedule stored with them; each change of a
 * window's state is a conditional update, so a restarted service picks up where it was and, with several instances,
 * exactly one of them opens or closes a window. Closing a sealed stage opens its bids, evaluates them, and either
 * escalates over-demanded products to the next stage or publishes the outcome, in one transaction.
 */
@Service
public class StageService {

    private final StageStore stages;
    private final AuctionStore auctions;
    private final SealedBidService sealed;
    private final DirectiveCatalog catalog;
    private final SealedEvaluation evaluation;
    private final ClockRounds rounds;
    private final ClockBidding bidding;
    private final ClockEngines engines;
    private final StageFailures failures;
    private final StageWindows stageWindows;
    private final Assignments assignments;
    private final Compute compute;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final SmraRounds smraRounds;
    private final SmraEngines smraEngines;
    private final JsonMapper json = JsonMapper.builder().build();

    public StageService(StageStore stages, AuctionStore auctions, SealedBidService sealed, DirectiveCatalog catalog,
                        SealedEvaluation evaluation, ClockRounds rounds, ClockBidding bidding, ClockEngines engines,
                        StageFailures failures, StageWindows windows, Assignments assignments,
                        Compute compute, AuditTrail audit, TransactionalOperator transaction,
                        Clock clock, SmraRounds smraRounds, SmraEngines smraEngines) {
        this.smraRounds = smraRounds;
        this.smraEngines = smraEngines;
        this.stages = stages;
        this.auctions = auctions;
        this.sealed = sealed;
        this.catalog = catalog;
        this.evaluation = evaluation;
        this.rounds = rounds;
        this.bidding = bidding;
        this.engines = engines;
        this.failures = failures;
        this.stageWindows = windows;
        this.assignments = assignments;
        this.compute = compute;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Mono<Boolean> outcomePublished(AuctionId auction) {
        return outcomePublished(auction.value());
    }

    private Mono<Boolean> outcomePublished(UUID auction) {
        return stages.outcome(auction).hasElement();
    }

    public Mono<StageStore.StoredOutcome> outcome(AuctionId auction) {
        return outcome(auction.value());
    }

    private Mono<StageStore.StoredOutcome> outcome(UUID auction) {
        return stages.outcome(auction);
    }

    public Flux<StageStore.Window> windows(AuctionId auction) {
        return windows(auction.value());
    }

    private Flux<StageStore.Window> windows(UUID auction) {
        return stages.windows(auction);
    }

    public Mono<StageStore.Window> window(AuctionId auction, StageId stage) {
        return window(auction.value(), stage.value());
    }

    private Mono<StageStore.Window> window(UUID auction, String stage) {
        return stages.window(auction, stage)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("stage " + stage)));
    }

    /** When bidding opens, the first stage of the format gets its window (and a sealed stage its bid key). */
    public Mono<Void> scheduleFirstStage(Auction auction, PolicyDirective directive) {
        Stage first = directive.stages().get(0);
        return schedule(auction.id(), first, auction.schedule().stageOpenings().get(first.id()),
                Optional.ofNullable(auction.schedule().stageClosings().get(first.id())));
    }

    private Mono<Void> schedule(UUID auction, Stage stage, Instant opensAt, Optional<Instant> closesAt) {
        return stageWindows.schedule(auction, stage, opensAt, closesAt);
    }

    public static boolean isSealed(Stage stage) {
        return StageWindows.isSealed(stage);
    }

    /**
     * Opens and closes every window and clock round that is due at {@code now}; safe to run on every instance at
     * once. Each operation runs in its own transaction and is isolated: one that fails is reported
     * ({@link StageFailures}) and retried with back-off, and the others go on.
     */
    public Mono<Void> tick(Instant now) {
        return stages.dueToOpen(now).collectList()
                .flatMapMany(Flux::fromIterable)
                .filter(w -> failures.due(w.auction(), w.stage(), now))
                .concatMap(w -> isolated(w.auction(), w.stage(), "opening of the window", openWindow(w.auction(),
                        w.stage(), now), now))
                .thenMany(stages.dueToClose(now).collectList())
                .flatMap(Flux::fromIterable)
                .filter(w -> failures.due(w.auction(), w.stage(), now))
                .concatMap(w -> isolated(w.auction(), w.stage(), "closing of the window", close(w.auction(),
                        w.stage(), now), now))
                .thenMany(rounds.due(now))
                .filter(r -> failures.due(r.auction(), r.stage(), now))
                .concatMap(r -> isolated(r.auction(), r.stage(), "close of round " + r.round(),
                        rounds.close(AuctionId.of(r.auction()), StageId.of(r.stage()), r.round(), now), now))
                .then();
    }

    private Mono<Void> isolated(UUID auction, String stage, String operation, Mono<Void> work, Instant now) {
        return work
                .then(Mono.defer(() -> failures.succeeded(auction, stage)))
                .onErrorResume(e -> failures.failed(auction, stage, operation, e, now));
    }

    /** Opens a due window; a clock stage opens its first round with it (its engine is kept once committed). */
    public Mono<Void> openWindow(AuctionId auction, StageId stage, Instant now) {
        return openWindow(auction.value(), stage.value(), now);
    }

    private Mono<Void> openWindow(UUID auction, String stage, Instant now) {
        return stages.advance(auction, stage, "SCHEDULED", "OPEN", now)
                .filter(Boolean::booleanValue)
                .flatMap(opened -> audit.append(Chains.auction(auction), new StageOpened(stage))
                        .then(stages.window(auction, stage))
                        .flatMap(w -> auctions.find(auction).flatMap(v -> catalog.of(v.auction())))
                        .filter(d -> StageWindows.runsInRounds(d.stage(stage).orElseThrow()))
                        .flatMap(d -> d.stage(stage).orElseThrow() instanceof Stage.Smra
                                ? smraRounds.start(auction, stage, now).<Runnable>map(engine -> () -> smraEngines
                                        .remember(AuctionId.of(auction), StageId.of(stage), engine))
                                : rounds.start(auction, stage, now).<Runnable>map(engine -> () -> engines
                                        .remember(AuctionId.of(auction), StageId.of(stage), engine))))
                .as(transaction::transactional)
                // an engine is kept only once the round it opened has committed
                .doOnNext(Runnable::run)
                .then();
    }

    /**
     * Closes a sealed window whose deadline has passed: only the instance whose update moves it from OPEN to CLOSED
     * goes on to open the bids, evaluate them and record the result.
     */
    public Mono<Void> close(AuctionId auction, StageId stage, Instant now) {
        return close(auction.value(), stage.value(), now);
    }

    private Mono<Void> close(UUID auction, String stage, Instant now) {
        return stages.advance(auction, stage, "OPEN", "CLOSED", now)
                .filter(Boolean::booleanValue)
                .flatMap(closed -> evaluateClosed(auction, stage, now))
                .as(transaction::transactional);
    }

    private Mono<Void> evaluateClosed(UUID auction, String stageId, Instant now) {
        String chain = Chains.auction(auction);
        return auctions.find(auction)
                .flatMap(v -> catalog.of(v.auction()).flatMap(d -> d.stage(stageId).orElseThrow()
                        instanceof Stage.Assignment a
                        ? assignSealed(v.auction(), d, a, now)
                        : evaluateClosed(v, stageId, chain, now)));
    }

    /**
     * A sealed assignment round closes: the bids are opened and recorded, each market is decided and priced on the
     * solver pool, and the result is recorded; the outcome, with the frequencies, is published once every market is
     * proven and priced (else the result says which is not, for the regulator).
     */
    private Mono<Void> assignSealed(Auction auction, PolicyDirective d, Stage.Assignment stage, Instant now) {
        String chain = Chains.auction(auction.id());
        return sealed.open(AuctionId.of(auction.id()), StageId.of(stage.id()))
                .flatMap(opened -> audit.append(chain, new StageClosed(stage.id(), opened.size()))
                        .then(audit.append(chain, new SealedBidsOpened(stage.id(), opened.stream()
                                .map(b -> new SealedBidsOpened.Opened(b.content(), b.commitment())).toList())))
                        .thenReturn(opened))
                .zipWith(stages.windows(auction.id()).collectList())
                .zipWith(auctions.seed(auction.id()))
                .flatMap(t -> {
                    List<StageStore.Window> windows = t.getT1().getT2();
                    var markets = assignments.markets(d, stage, windows, List.of());
                    Map<String, Map<String, Map<String, Long>>> bids = new java.util.TreeMap<>();
                    t.getT1().getT1().forEach(b -> bids.put(b.bidder(),
                            org.ngms.auction.assignment.AssignmentBids.amounts(b.content().bid())));
                    return compute.solve(() -> org.ngms.auction.assignment.SealedAssignments.decide(stage.id(),
                                    markets, bids, t.getT2()))
                            .flatMap(decision -> {
                                ObjectNode result = org.ngms.auction.assignment.AssignmentJson.sealedResult(
                                        stage.id(), decision);
                                // a later assignment stage takes over; else the outcome; NOT_PRICED stops here
                                Mono<Void> publish = decision.assignment()
                                        .map(a -> assignments.next(d, stage.id(), windows, List.of())
                                                .map(later -> stageWindows.handOver(auction, later, now))
                                                .orElseGet(() -> publishOutcome(auction.id(), assignments.outcome(
                                                        auction, d, windows, a), now)))
                                        .orElse(Mono.empty());
                                return stages.storeResult(auction.id(), stage.id(), json.writeValueAsString(result))
                                        .then(stages.advance(auction.id(), stage.id(), "CLOSED", "EVALUATED", now))
                                        .then(audit.append(chain, new StageResult(stage.id(), result)))
                                        .then(publish);
                            });
                });
    }

    private Mono<Void> evaluateClosed(AuctionStore.Versioned v, String stageId,
                                      String chain, Instant now) {
        UUID auction = v.auction().id();
        return Mono.just(v)
                .flatMap(x -> catalog.of(v.auction())
                        .zipWith(auctions.bidders(auction).collectList())
                        .zipWith(auctions.seed(auction))
                        .flatMap(db -> sealed.open(AuctionId.of(auction), StageId.of(stageId))
                                .flatMap(opened -> audit.append(chain, new StageClosed(stageId, opened.size()))
                                        .then(audit.append(chain, new SealedBidsOpened(stageId, opened.stream()
                                                .map(b -> new SealedBidsOpened.Opened(b.content(), b.commitment()))
                                                .toList())))
                                        .thenReturn(opened))
                                // winner determination and pricing may take the solver's whole time limit
                                .flatMap(opened -> compute.solve(() -> evaluation.evaluate(v.auction(),
                                        db.getT1().getT1(), db.getT1().getT1().stage(stageId).orElseThrow(),
                                        db.getT1().getT2(), opened, db.getT2())))
                                .flatMap(result -> record(v.auction(), db.getT1().getT1(), stageId, result, now))));
    }

    private Mono<Void> record(Auction auction, PolicyDirective directive, String stageId,
                              SealedEvaluation.Result result, Instant now) {
        String chain = Chains.auction(auction.id());
        String resultJson = json.writeValueAsString(result.stageResult());
        Mono<Void> next = result.escalateTo()
                .map(target -> schedule(auction.id(), directive.stage(target).orElseThrow(),
                        auction.schedule().stageOpenings().getOrDefault(target, now), Optional.empty()))
                .orElseGet(() -> result.outcome().map(outcome -> stages.windows(auction.id()).collectList()
                                .flatMap(windows -> assignments.next(directive, stageId, windows, List.of())
                                        .map(a -> stageWindows.handOver(auction, a, now))
                                        .orElseGet(() -> publishOutcome(auction.id(), outcome, now))))
                        .orElse(Mono.empty()));
        return stages.storeResult(auction.id(), stageId, resultJson)
                .then(stages.advance(auction.id(), stageId, "CLOSED", "EVALUATED", now))
                .then(audit.append(chain, new StageResult(stageId, result.stageResult())))
                .then(next);
    }

    private Mono<Void> publishOutcome(UUID auction, ObjectNode outcome, Instant now) {
        return audit.append(Chains.auction(auction), new OutcomePublished(outcome))
                .flatMap(entry -> stages.insertOutcome(auction, json.writeValueAsString(outcome),
                        entry.record().seq(), now));
    }

    /** A directive's assignment stage with the markets the stages before it left, once its window exists. */
    public record AssignmentView(PolicyDirective directive, Stage.Assignment stage,
                                 List<org.ngms.auction.assignment.AssignmentMarket> markets) {
    }

    /**
     * The markets of assignment stage {@code stage}: public, since they follow from the allocation's published
     * result. 404 for a stage that is not an assignment stage or has no window yet.
     */
    public Mono<AssignmentView> assignmentMarkets(AuctionId auction, StageId stage) {
        return window(auction.value(), stage.value())
                .then(auctions.find(auction.value()))
                .flatMap(v -> catalog.of(v.auction()).zipWith(stages.windows(auction.value()).collectList()))
                .flatMap(t -> {
                    if (!(t.getT1().stage(stage.value()).orElseThrow() instanceof Stage.Assignment a)) {
                        return Mono.error(Refused.notFound("assignment stage " + stage.value()));
                    }
                    return Mono.just(new AssignmentView(t.getT1(), a, assignments.markets(t.getT1(), a, t.getT2(),
                            List.of())));
                });
    }

    // --- requests of operators and the regulator

    /** Checks that the window takes bids now and that the caller's bidder may bid, then seals the validated bid. */
    @Transactional
    public Mono<SealedBidService.Submitted> submit(String actor, BidderId bidderId,
            AuctionId auction, StageId stageId, JsonNode body) {
        return submit(actor, bidderId.value(), auction.value(), stageId.value(), body);
    }

    private Mono<SealedBidService.Submitted> submit(String actor, String bidderId, UUID auction, String stageId,
                                                   JsonNode body) {
        Instant now = clock.instant();
        return openWindowForBids(auction, stageId, now)
                .then(auctions.find(auction))
                .flatMap(v -> catalog.of(v.auction())
                        .zipWith(qualifiedBidder(auction, bidderId))
                        .flatMap(db -> db.getT1().stage(stageId).orElseThrow() instanceof Stage.Assignment a
                                ? stages.windows(auction).collectList().map(windows -> assignmentBid(db.getT1(), a,
                                        bidderId, windows, body))
                                : Mono.just(evaluation.validate(db.getT1(), db.getT1().stage(stageId).orElseThrow(),
                                        db.getT2(), body))))
                .flatMap(valid -> sealed.submit(actor, AuctionId.of(auction), StageId.of(stageId), BidderId.of(bidderId), valid));
    }

    /** A sealed assignment bid set checked against the bidder's markets and options, normalised; else a 422. */
    private JsonNode assignmentBid(PolicyDirective d, Stage.Assignment stage, String bidder,
                                   List<StageStore.Window> windows, JsonNode body) {
        List<org.ngms.shared.Violation> invalid = new java.util.ArrayList<>();
        var bids = org.ngms.auction.assignment.AssignmentBids.read(body, invalid);
        if (!invalid.isEmpty()) {
            throw new Refused(org.ngms.shared.CommonReason.REQUEST_INVALID, "Invalid bid",
                    invalid.size() + " field(s) invalid; see errors", invalid);
        }
        var markets = assignments.markets(d, stage, windows, List.of());
        if (markets.stream().noneMatch(m -> m.winners().containsKey(bidder))) {
            throw new Refused(ReasonCode.NOT_AN_ASSIGNMENT_WINNER, "Not a winner", bidder + " won no blocks that "
                    + "stage " + stage.id() + " assigns");
        }
        var broken = org.ngms.auction.assignment.AssignmentBids.check(markets, bidder,
                stage.bidMultiple().amount(), bids);
        if (!broken.isEmpty()) {
            throw new Refused(ReasonCode.valueOf(broken.get(0).rule()), "Bid refused",
                    broken.size() + " rule(s) broken; see errors", broken);
        }
        return org.ngms.auction.assignment.AssignmentBids.normalised(bids);
    }

    @Transactional
    public Mono<SealedBidService.Submitted> withdraw(String actor, BidderId bidderId,
            AuctionId auction, StageId stageId) {
        return withdraw(actor, bidderId.value(), auction.value(), stageId.value());
    }

    private Mono<SealedBidService.Submitted> withdraw(String actor, String bidderId, UUID auction, String stageId) {
        return openWindowForBids(auction, stageId, clock.instant())
                .then(qualifiedBidder(auction, bidderId))
                .then(sealed.withdraw(actor, AuctionId.of(auction), StageId.of(stageId), BidderId.of(bidderId)));
    }

    private Mono<StageStore.Window> openWindowForBids(UUID auction, String stageId, Instant now) {
        return bidding.requireBidding(AuctionId.of(auction)).then(stages.windowForUpdate(auction, stageId))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("stage " + stageId)))
                .flatMap(w -> {
                    if (!w.state().equals("OPEN") || w.closesAt().map(c -> !now.isBefore(c)).orElse(true)) {
                        String when = w.closesAt().map(c -> "the deadline was " + c).orElse("it is not a sealed stage");
                        String why = w.state().equals("SCHEDULED") ? "the stage opens at " + w.opensAt()
                                : "bids are no longer accepted: " + when;
                        return Mono.error(new Refused(ReasonCode.BIDDING_CLOSED, "Bidding closed", why));
                    }
                    return Mono.just(w);
                });
    }

    private Mono<Bidder> qualifiedBidder(UUID auction, String bidderId) {
        return auctions.bidder(auction, bidderId)
                .filter(b -> b.status() == Bidder.Status.QUALIFIED)
                .switchIfEmpty(Mono.error(() -> new Refused(ReasonCode.NOT_QUALIFIED, "Not qualified",
                        "bidder " + bidderId + " is not a qualified bidder of this auction")));
    }

    /** A stage window after the regulator extended its deadline, and the signed receipt for it. */
    public record Extended(StageStore.Window window, org.ngms.audit.Receipt receipt) {
    }

    /** The regulator extends a deadline (never shortens it) before it has passed. */
    @Transactional
    public Mono<Extended> extend(String actor, AuctionId auction, StageId stageId, Instant closesAt) {
        return extend(actor, auction.value(), stageId.value(), closesAt);
    }

    private Mono<Extended> extend(String actor, UUID auction, String stageId, Instant closesAt) {
        Instant now = clock.instant();
        return openWindowForBids(auction, stageId, now)
                .onErrorResume(Refused.class, e -> stages.windowForUpdate(auction, stageId)
                        .filter(w -> w.state().equals("SCHEDULED"))
                        .switchIfEmpty(Mono.error(e)))
                .flatMap(w -> {
                    if (w.closesAt().map(c -> !closesAt.isAfter(c)).orElse(true)) {
                        return Mono.error(new Refused(ReasonCode.DEADLINE_NOT_LATER, "Deadline not later",
                                "a deadline can only be extended, to after " + w.closesAt().orElse(null)));
                    }
                    return stages.extend(auction, stageId, closesAt)
                            .then(audit.append(auction, Optional.of(stageId), Optional.empty(), actor,
                                    new StageDeadlineExtended(auction, stageId, closesAt)))
                            .flatMap(recorded -> stages.window(auction, stageId)
                                    .map(extended -> new Extended(extended, recorded.receipt())));
                });
    }
}
