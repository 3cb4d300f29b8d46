package org.ngms.auction.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Auction;
import org.ngms.auction.Bidder;
import org.ngms.auction.assignment.FrequencyAssignment;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.persistence.StageStore;
import org.ngms.directive.PolicyDirective;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRoundJson;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.persistence.StageStore;
import org.ngms.directive.Stage;
import org.ngms.shared.CanonicalJson;
import org.ngms.auction.events.BidSet;
import org.ngms.auction.events.BidderExcluded;
import org.ngms.auction.events.OutcomePublished;
import org.ngms.auction.events.RoundOpened;
import org.ngms.auction.events.RoundResult;
import org.ngms.auction.events.StageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clock rounds in time: round 1 opens with the stage's window, each round closes once when its deadline has passed
 * (a conditional update: with several instances one of them wins it), is processed by the stage's engine, recorded
 * in the transcript, and the next round opens in the same transaction, or the stage ends and the outcome is
 * published. The engine is the one in memory ({@link ClockEngines}); it is kept for the next round only once the
 * close has committed.
 */
@Service
public class ClockRounds {

    private final ClockStore clocks;
    private final StageStore stages;
    private final AuctionStore auctions;
    private final DirectiveCatalog catalog;
    private final ClockEngines engines;
    private final OutcomeWriter outcomes;
    private final Assignments assignments;
    private final StageWindows stageWindows;
    private final AuditTrail audit;
    private final Compute compute;
    private final TransactionalOperator transaction;
    private final SmraRounds smra;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClockRounds(ClockStore clocks, StageStore stages, AuctionStore auctions, DirectiveCatalog catalog,
                       ClockEngines engines, OutcomeWriter outcomes, Assignments assignments,
                       StageWindows stageWindows, AuditTrail audit, Compute compute,
                       TransactionalOperator transaction, SmraRounds smra) {
        this.smra = smra;
        this.clocks = clocks;
        this.stages = stages;
        this.auctions = auctions;
        this.catalog = catalog;
        this.engines = engines;
        this.outcomes = outcomes;
        this.assignments = assignments;
        this.stageWindows = stageWindows;
        this.audit = audit;
        this.compute = compute;
        this.transaction = transaction;
    }

    /**
     * Opens round 1 when the stage's window opens, in the caller's transaction; the engine it opened is kept once
     * that transaction commits ({@code afterCommit}).
     */
    Mono<ClockEngines.LiveClock> start(UUID auction, String stageId, Instant now) {
        return engines.after(AuctionId.of(auction), StageId.of(stageId), 0)
                .flatMap(engine -> open(auction, stageId, engine.stage(), now));
    }

    /** Opens the round after {@code stage}'s last one: stores it and records ROUND_OPENED with its prices. */
    private Mono<ClockEngines.LiveClock> open(UUID auction, String stageId, ClockStage stage, Instant now) {
        int round = stage.nextRound();
        return auctions.find(auction).flatMap(v -> catalog.of(v.auction()))
                .zipWith(engines.nextPrices(AuctionId.of(auction), StageId.of(stageId), stage))
                .flatMap(t -> {
                    Stage rules = t.getT1().stage(stageId).orElseThrow();
                    RoundPrices prices = t.getT2().orElseThrow();
                    Instant closesAt = now.plus(Duration.ofMinutes(minutes(rules, round)));
                    return clocks.openRound(auction, stageId, round, now, closesAt)
                            .then(audit.append(Chains.auction(auction), new RoundOpened(stageId, prices, closesAt)))
                            .thenReturn(new ClockEngines.LiveClock(stage, t.getT2()));
                });
    }

    private static int minutes(Stage stage, int round) {
        if (stage instanceof Stage.Clock clock) {
            return round == 1 ? clock.firstRoundMinutes() : clock.roundMinutes();
        }
        Stage.PositionClock clock = ((Stage.Assignment) stage).clock().orElseThrow(
                () -> new IllegalStateException("stage " + stage.id() + " does not run in rounds"));
        return round == 1 ? clock.firstRoundMinutes() : clock.roundMinutes();
    }

    /**
     * Closes every round whose deadline has passed (on any instance: each closes once). Each round closes in its own
     * transaction; one that fails is reported and left for the next tick, without holding up the others.
     */
    public Flux<StageFailure> closeDue(Instant now) {
        return due(now)
                .concatMap(r -> close(r.auction(), r.stage(), r.round(), now)
                        .then(Mono.<StageFailure>empty())
                        .onErrorResume(e -> Mono.just(new StageFailure(r.auction(), r.stage(),
                                "close of round " + r.round(), e))));
    }

    /** The open rounds whose deadline has passed, read to the end before any of them is closed. */
    public Flux<ClockStore.RoundRow> due(Instant now) {
        return clocks.dueToClose(now).collectList().flatMapMany(Flux::fromIterable);
    }

    /** A stage operation that failed, to report and retry, without stopping the other auctions. */
    public record StageFailure(UUID auction, String stage, String operation, Throwable error) {
    }

    /**
     * Closes round {@code round}: processes the latest bids of every bidder, records the round (with its bids) in the
     * transcript, and opens the next round, or ends the stage and publishes the outcome.
     */
    public Mono<Void> close(AuctionId auction, StageId stageId, int round, Instant now) {
        // an SMRA stage runs its rounds on the same tables; its engine and records are its own
        return stages.window(auction.value(), stageId.value())
                .flatMap(w -> w.stageType().equals(Stage.StageType.SMRA.name())
                        ? smra.close(auction, stageId, round, now)
                        : close(auction.value(), stageId.value(), round, now));
    }

    private Mono<Void> close(UUID auction, String stageId, int round, Instant now) {
        return clocks.close(auction, stageId, round)
                .filter(Boolean::booleanValue)
                .flatMap(closed -> process(auction, stageId, round, now))
                .as(transaction::transactional)
                .doOnNext(engine -> engines.remember(AuctionId.of(auction), StageId.of(stageId), engine))
                .doOnError(e -> engines.forget(AuctionId.of(auction), StageId.of(stageId)))
                .then();
    }

    private Mono<ClockEngines.LiveClock> process(UUID auction, String stageId, int round, Instant now) {
        return clocks.latestBids(auction, stageId, round).collectList()
                .flatMap(bids -> engines.after(AuctionId.of(auction), StageId.of(stageId), round - 1)
                        .flatMap(before -> compute.run(() -> processed(before, round, bids)))
                        .flatMap(after -> record(auction, stageId, round, after, bids, now)));
    }

    /** The engine after round {@code round} is processed with the bids as stored, and the round's canonical bytes. */
    private record Processed(ClockStage stage, ClockRound result, String canonical) {
    }

    private Processed processed(ClockEngines.LiveClock before, int round, List<ClockStore.BidRow> bids) {
        ClockStage after = before.stage().close(before.pricesOf(round), engines.bidsOf(bids));
        ClockRound result = after.rounds().get(after.rounds().size() - 1);
        return new Processed(after, result, ClockRoundJson.canonical(result));
    }

    private Mono<ClockEngines.LiveClock> record(UUID auction, String stageId, int round, Processed processed,
                                                List<ClockStore.BidRow> bids, Instant now) {
        RoundResult result = new RoundResult(stageId, round, bidSets(bids), processed.canonical(),
                CanonicalJson.sha256Hex(processed.canonical()));
        Mono<ClockEngines.LiveClock> next = processed.stage().ended()
                ? end(auction, stageId, processed.stage(), now)
                : open(auction, stageId, processed.stage(), now);
        return clocks.storeResult(auction, stageId, round, processed.canonical())
                .then(audit.append(Chains.auction(auction), result))
                .then(recordExclusions(auction, stageId, round, processed.result()))
                .then(next);
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
                .flatMapMany(registered -> Flux.fromIterable(result.exclusions())
                        .concatMap(e -> audit.append(Chains.auction(auction), BidderExcluded.of(stageId, round, e,
                                Optional.ofNullable(registered.get(e.bidder()))
                                        .map(b -> OptionalLong.of(b.deposit().amount()))
                                        .orElse(OptionalLong.empty())))))
                .then();
    }

    /**
     * Ends the stage: an allocation clock records its result, then hands over to the assignment stage after it (its
     * window opens as scheduled, else at once) or publishes the outcome; an assignment clock records the frequencies
     * its positions settle and publishes the outcome with them.
     */
    private Mono<ClockEngines.LiveClock> end(UUID auction, String stageId, ClockStage stage, Instant now) {
        ClockOutcome outcome = stage.outcome().orElseThrow();
        return auctions.find(auction)
                .flatMap(v -> catalog.of(v.auction()).zipWith(stages.windows(auction).collectList())
                        .flatMap(db -> db.getT1().stage(stageId).orElseThrow() instanceof Stage.Assignment a
                                ? endAssignment(v.auction(), db.getT1(), a, db.getT2(), outcome, now)
                                : endAllocation(v.auction(), db.getT1(), stageId, db.getT2(), outcome, now)))
                .thenReturn(new ClockEngines.LiveClock(stage, Optional.empty()));
    }

    private Mono<Void> endAllocation(Auction auction, PolicyDirective d, String stageId,
                                     List<StageStore.Window> windows, ClockOutcome outcome, Instant now) {
        ObjectNode result = outcomes.clockResult(outcome);
        Mono<Void> next = assignments.next(d, stageId, windows, outcome.awards())
                .map(a -> stageWindows.handOver(auction, a, now))
                .orElseGet(() -> publish(auction, outcomes.outcome(auction, d, windows, outcome), now));
        return recordResult(auction.id(), stageId, result, now).then(next);
    }

    private Mono<Void> endAssignment(Auction auction, PolicyDirective d, Stage.Assignment stage,
                                     List<StageStore.Window> windows, ClockOutcome clock, Instant now) {
        FrequencyAssignment assignment = assignments.assignment(d, stage, windows, clock);
        Mono<Void> next = assignments.next(d, stage.id(), windows, List.of())
                .map(a -> stageWindows.handOver(auction, a, now))
                .orElseGet(() -> publish(auction, assignments.outcome(auction, d, windows, assignment), now));
        return recordResult(auction.id(), stage.id(), Assignments.result(assignment, clock), now).then(next);
    }

    private Mono<Void> recordResult(UUID auction, String stageId, ObjectNode result, Instant now) {
        return stages.storeResult(auction, stageId, json.writeValueAsString(result))
                .then(stages.advance(auction, stageId, "OPEN", "EVALUATED", now))
                .then(audit.append(Chains.auction(auction), new StageResult(stageId, result)))
                .then();
    }

    private Mono<Void> publish(Auction auction, ObjectNode outcome, Instant now) {
        return audit.append(Chains.auction(auction.id()), new OutcomePublished(outcome))
                .flatMap(entry -> stages.insertOutcome(auction.id(), json.writeValueAsString(outcome),
                        entry.record().seq(), now));
    }

    /** The stored bid sets as the round's record lists them. */
    private List<BidSet> bidSets(List<ClockStore.BidRow> rows) {
        return rows.stream().map(r -> new BidSet(r.bidder(), r.version(), engines.bidsOf(List.of(r)))).toList();
    }
}
