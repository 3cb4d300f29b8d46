package org.ngms.auction.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Auction;
import org.ngms.auction.events.OutcomePublished;
import org.ngms.auction.events.SmraActionSet;
import org.ngms.auction.events.SmraRoundOpened;
import org.ngms.auction.events.SmraRoundResult;
import org.ngms.auction.events.StageResult;
import org.ngms.auction.outcome.SmraOutcomeJson;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.persistence.StageStore;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraActionsJson;
import org.ngms.auction.smra.SmraOutcome;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraRound;
import org.ngms.auction.smra.SmraRoundJson;
import org.ngms.auction.smra.SmraStage;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.AuctionId;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.StageId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SMRA rounds in time, as {@link ClockRounds} runs clock rounds, on the same round tables: round 1 opens with the
 * stage's window at the minimum opening bids; each round closes once when its deadline has passed (a conditional
 * update: with several instances one wins it), is processed by the stage's engine with every bidder's latest action
 * set, recorded in the transcript ({@code SMRA_ROUND_RESULT}), and the next round opens in the same transaction
 * ({@code SMRA_ROUND_OPENED}) — or, after a round with no new bid, no proactive waiver and no withdrawal, the stage
 * ends: its result is recorded and the outcome published (sealed awards, licences won, conditions settled).
 */
@Service
public class SmraRounds {

    private final ClockStore rounds;
    private final StageStore stages;
    private final AuctionStore auctions;
    private final DirectiveCatalog catalog;
    private final SmraEngines engines;
    private final AuditTrail audit;
    private final Compute compute;
    private final TransactionalOperator transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    public SmraRounds(ClockStore rounds, StageStore stages, AuctionStore auctions, DirectiveCatalog catalog,
                      SmraEngines engines, AuditTrail audit, Compute compute, TransactionalOperator transaction) {
        this.rounds = rounds;
        this.stages = stages;
        this.auctions = auctions;
        this.catalog = catalog;
        this.engines = engines;
        this.audit = audit;
        this.compute = compute;
        this.transaction = transaction;
    }

    /** Opens round 1 in the caller's transaction; the engine is kept once that transaction commits. */
    Mono<SmraEngines.LiveSmra> start(UUID auction, String stageId, Instant now) {
        return engines.after(AuctionId.of(auction), StageId.of(stageId), 0)
                .flatMap(engine -> open(auction, stageId, engine.stage(), now));
    }

    private Mono<SmraEngines.LiveSmra> open(UUID auction, String stageId, SmraStage stage, Instant now) {
        int round = stage.nextRound();
        return auctions.find(auction).flatMap(v -> catalog.of(v.auction()))
                .zipWith(engines.nextPrices(AuctionId.of(auction), StageId.of(stageId), stage))
                .flatMap(t -> {
                    Stage.Smra rules = (Stage.Smra) t.getT1().stage(stageId).orElseThrow();
                    SmraPrices prices = t.getT2().orElseThrow();
                    Instant closesAt = now.plus(Duration.ofMinutes(rules.roundMinutes()));
                    return rounds.openRound(auction, stageId, round, now, closesAt)
                            .then(audit.append(Chains.auction(auction), new SmraRoundOpened(stageId, prices,
                                    closesAt)))
                            .thenReturn(new SmraEngines.LiveSmra(stage, t.getT2()));
                });
    }

    /**
     * Closes round {@code round} (once, whichever instance gets there first): processes each bidder's latest action
     * set, records the round and opens the next, or ends the stage and publishes the outcome.
     */
    public Mono<Void> close(AuctionId auction, StageId stageId, int round, Instant now) {
        UUID id = auction.value();
        String stage = stageId.value();
        return rounds.close(id, stage, round)
                .filter(Boolean::booleanValue)
                .flatMap(closed -> process(id, stage, round, now))
                .as(transaction::transactional)
                .doOnNext(engine -> engines.remember(auction, stageId, engine))
                .doOnError(e -> engines.forget(auction, stageId))
                .then();
    }

    private record Processed(SmraStage stage, SmraRound result, String canonical) {
    }

    private Mono<SmraEngines.LiveSmra> process(UUID auction, String stageId, int round, Instant now) {
        return rounds.latestBids(auction, stageId, round).collectList()
                .flatMap(rows -> engines.after(AuctionId.of(auction), StageId.of(stageId), round - 1)
                        .flatMap(before -> compute.run(() -> processed(before, round, actionSets(rows))))
                        .flatMap(after -> record(auction, stageId, round, after, actionSets(rows), now)));
    }

    private static Processed processed(SmraEngines.LiveSmra before, int round, List<SmraActionSet> sets) {
        SmraStage after = before.stage().close(before.pricesOf(round),
                sets.stream().map(SmraActionSet::actions).toList());
        SmraRound result = after.rounds().get(after.rounds().size() - 1);
        return new Processed(after, result, SmraRoundJson.canonical(result));
    }

    private Mono<SmraEngines.LiveSmra> record(UUID auction, String stageId, int round, Processed processed,
                                              List<SmraActionSet> sets, Instant now) {
        SmraRoundResult result = new SmraRoundResult(stageId, round, sets, processed.canonical(),
                CanonicalJson.sha256Hex(processed.canonical()));
        Mono<SmraEngines.LiveSmra> next = processed.stage().ended()
                ? end(auction, stageId, processed.stage(), now)
                : open(auction, stageId, processed.stage(), now);
        return rounds.storeResult(auction, stageId, round, processed.canonical())
                .then(audit.append(Chains.auction(auction), result))
                .then(next);
    }

    /** Ends the stage: records its result and publishes the outcome with the sealed stages' awards. */
    private Mono<SmraEngines.LiveSmra> end(UUID auction, String stageId, SmraStage stage, Instant now) {
        SmraOutcome outcome = stage.outcome().orElseThrow();
        ObjectNode result = SmraOutcomeJson.stageResult(stage.setup(), outcome);
        return auctions.find(auction)
                .flatMap(v -> catalog.of(v.auction()).zipWith(stages.windows(auction).collectList())
                        .flatMap(db -> stages.storeResult(auction, stageId, json.writeValueAsString(result))
                                .then(stages.advance(auction, stageId, "OPEN", "EVALUATED", now))
                                .then(audit.append(Chains.auction(auction), new StageResult(stageId, result)))
                                .then(publish(v.auction(), outcome(v.auction(), db.getT1(), db.getT2(), stage,
                                        outcome), now))))
                .thenReturn(new SmraEngines.LiveSmra(stage, java.util.Optional.empty()));
    }

    private static ObjectNode outcome(Auction auction, PolicyDirective d, List<StageStore.Window> windows,
                                      SmraStage stage, SmraOutcome outcome) {
        return SmraOutcomeJson.outcome(auction.id().toString(), auction.directiveId(), auction.directiveVersion(),
                auction.directiveSha256(), d, StageResults.preBid(windows), stage.setup(), outcome);
    }

    private Mono<Void> publish(Auction auction, ObjectNode outcome, Instant now) {
        return audit.append(Chains.auction(auction.id()), new OutcomePublished(outcome))
                .flatMap(entry -> stages.insertOutcome(auction.id(), json.writeValueAsString(outcome),
                        entry.record().seq(), now));
    }

    /** The stored action sets (each bidder's latest version) as the round's record lists them. */
    private List<SmraActionSet> actionSets(List<ClockStore.BidRow> rows) {
        List<SmraActionSet> sets = new ArrayList<>();
        for (ClockStore.BidRow row : rows) {
            SmraActions actions = SmraActionsJson.read(row.bidder(), json.readTree(row.bidsJson()));
            sets.add(new SmraActionSet(row.version(), actions));
        }
        return sets;
    }
}
