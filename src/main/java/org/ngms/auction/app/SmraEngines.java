package org.ngms.auction.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.persistence.TranscriptStore;
import org.ngms.auction.clock.ClockRoundReplay;
import org.ngms.auction.events.AuctionReplay;
import org.ngms.auction.events.SmraActionSet;
import org.ngms.auction.events.SmraRoundOpened;
import org.ngms.auction.events.SmraRoundResult;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraIncrement;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraRoundJson;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.auction.smra.SmraStage;
import org.ngms.shared.AuctionId;
import org.ngms.shared.Percent;
import org.ngms.shared.StageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The SMRA engine of every open SMRA stage, in memory, as {@link ClockEngines} keeps clock engines: advanced by each
 * round close and handed to the next action set as it is. Where the cache has no engine (a restart, an eviction, a
 * round closed by another instance) it is rebuilt from the stage's setup (read from the transcript as the verifier
 * reads it) and the transcript's rounds — each opened with the increment its {@code SMRA_ROUND_OPENED} records and
 * processed with the action sets its {@code SMRA_ROUND_RESULT} lists — every recomputed round checked byte for byte
 * against its recorded result; a difference stops the stage with an error naming the round.
 */
@Component
public class SmraEngines {

    private static final Logger log = LoggerFactory.getLogger(SmraEngines.class);

    private final ClockStore rounds;
    private final TranscriptStore transcripts;
    private final AuctionStore auctions;
    private final DirectiveCatalog catalog;
    private final Compute compute;
    private final EngineCache<LiveSmra> cache;

    public SmraEngines(ClockStore rounds, AuctionStore auctions, DirectiveCatalog catalog,
                       TranscriptStore transcripts, Compute compute,
                       @Value("${ngms.clock.engine-cache-size:64}") int cacheSize) {
        this.rounds = rounds;
        this.transcripts = transcripts;
        this.auctions = auctions;
        this.catalog = catalog;
        this.compute = compute;
        this.cache = new EngineCache<>(cacheSize);
    }

    /** An SMRA stage's engine: its closed rounds and the prices of the round after them (empty once it ended). */
    public record LiveSmra(SmraStage stage, Optional<SmraPrices> next) {

        /** The prices of the open round, which must be round {@code round}. */
        public SmraPrices pricesOf(int round) {
            SmraPrices prices = next.orElseThrow(() -> new IllegalStateException("stage "
                    + stage.setup().stageId() + " has ended after round " + stage.rounds().size()));
            if (prices.round() != round) {
                throw new IllegalStateException("the engine's next round is " + prices.round() + ", not " + round);
            }
            return prices;
        }
    }

    /** The engine after exactly {@code closedRounds} rounds: from the cache, advanced or rebuilt where needed. */
    public Mono<LiveSmra> after(AuctionId auction, StageId stageId, int closedRounds) {
        LiveSmra cached = cache.get(auction, stageId);
        if (cached != null && cached.stage().rounds().size() == closedRounds) {
            return Mono.just(cached);
        }
        Optional<LiveSmra> from = Optional.ofNullable(cached).filter(c -> c.stage().rounds().size() < closedRounds);
        return load(auction.value(), stageId.value(), closedRounds, from);
    }

    /** Keeps an engine once the transaction that closed (or opened) its last round has committed. */
    public void remember(AuctionId auction, StageId stageId, LiveSmra engine) {
        cache.put(auction, stageId, engine);
    }

    /** Drops a stage's engine (after a failed close: the next use rebuilds it from the database). */
    public void forget(AuctionId auction, StageId stageId) {
        cache.remove(auction, stageId);
    }

    /**
     * The prices round {@code stage.nextRound()} opens with: under a regulator range the regulator's increment for
     * it, else the range's minimum (round 1 opens at the minimum opening bids, with none); otherwise the rule's own.
     */
    public Mono<Optional<SmraPrices>> nextPrices(AuctionId auction, StageId stageId, SmraStage stage) {
        if (stage.ended()) {
            return Mono.just(Optional.empty());
        }
        return rounds.increments(auction.value(), stageId.value())
                .collectMap(ClockStore.IncrementRow::round, r -> Percent.parse(r.percent()))
                .map(increments -> Optional.of(open(stage, increments)));
    }

    private static SmraPrices open(SmraStage stage, Map<Integer, Percent> increments) {
        return stage.open(incrementOf(stage.setup().increment(), increments, stage.nextRound())).orElseThrow();
    }

    /** The increment the regulator announces for {@code round}: the one set, else the range's minimum. */
    static Optional<Percent> incrementOf(SmraIncrement rule, Map<Integer, Percent> set, int round) {
        if (!(rule instanceof SmraIncrement.RegulatorRange range) || round == 1) {
            return Optional.empty();
        }
        return Optional.of(set.getOrDefault(round, range.min()));
    }

    // --- rebuilding

    private record Recorded(SmraSetup setup, Map<Integer, SmraRoundOpened> opened,
                            Map<Integer, SmraRoundResult> results, Map<Integer, Percent> incrementsSet) {
    }

    private Mono<LiveSmra> load(UUID auction, String stageId, int closedRounds, Optional<LiveSmra> from) {
        // each query is read to its end before the next starts (see ClockEngines)
        Mono<SmraSetup> setup = from.map(c -> Mono.just(c.stage().setup())).orElseGet(() -> setup(auction, stageId));
        return setup.flatMap(s -> transcripts.entriesOfTypes(Chains.auction(auction),
                                List.of(SmraRoundOpened.TYPE, SmraRoundResult.TYPE)).collectList()
                        .flatMap(records -> rounds.increments(auction, stageId)
                                .collectMap(ClockStore.IncrementRow::round, r -> Percent.parse(r.percent()))
                                .map(increments -> recorded(s, stageId, records, increments))))
                .flatMap(recorded -> compute.run(() -> replay(auction, recorded, closedRounds, from)));
    }

    private static Recorded recorded(SmraSetup setup, String stageId, List<SignedRecord> records,
                                     Map<Integer, Percent> incrementsSet) {
        Map<Integer, SmraRoundOpened> opened = new TreeMap<>();
        Map<Integer, SmraRoundResult> results = new TreeMap<>();
        for (SignedRecord r : records) {
            if (!stageId.equals(r.record().payload().path("stage").asString(""))) {
                continue;
            }
            if (r.record().type().equals(SmraRoundOpened.TYPE)) {
                SmraRoundOpened o = SmraRoundOpened.read(r.record().payload());
                opened.put(o.prices().round(), o);
            } else {
                SmraRoundResult result = SmraRoundResult.read(r.record().payload());
                results.put(result.round(), result);
            }
        }
        return new Recorded(setup, opened, results, incrementsSet);
    }

    private LiveSmra replay(UUID auction, Recorded recorded, int closedRounds, Optional<LiveSmra> from) {
        long started = System.nanoTime();
        String stageId = recorded.setup().stageId();
        SmraStage stage = from.map(LiveSmra::stage).orElseGet(() -> SmraStage.start(recorded.setup()));
        int recomputed = 0;
        for (int round = stage.nextRound(); round <= closedRounds; round++) {
            SmraRoundOpened opened = recorded.opened().get(round);
            SmraRoundResult result = recorded.results().get(round);
            if (opened == null || result == null) {
                throw new ClockRoundReplay.Mismatch(round, "round " + round + " of SMRA stage " + stageId
                        + " of auction " + auction + " has no recorded " + (opened == null ? "opening" : "result")
                        + "; its engine cannot be rebuilt");
            }
            SmraPrices prices = stage.open(opened.prices().increment()).orElseThrow();
            if (!prices.equals(opened.prices())) {
                throw new ClockRoundReplay.Mismatch(round, "round " + round + " of SMRA stage " + stageId
                        + " opened with prices the rebuilt engine does not give");
            }
            List<SmraActions> actions = result.actions().stream().map(SmraActionSet::actions).toList();
            stage = stage.close(prices, actions);
            String canonical = SmraRoundJson.canonical(stage.rounds().get(stage.rounds().size() - 1));
            if (!canonical.equals(result.resultCanonical())) {
                throw new ClockRoundReplay.Mismatch(round, "round " + round + " of SMRA stage " + stageId
                        + " of auction " + auction + " recomputes to other bytes than its recorded result; the "
                        + "engine is not used");
            }
            recomputed++;
        }
        Optional<SmraPrices> next = Optional.empty();
        if (!stage.ended()) {
            int nextRound = stage.nextRound();
            SmraRoundOpened opened = recorded.opened().get(nextRound);
            SmraPrices prices = open(stage, opened != null
                    ? opened.prices().increment().map(p -> Map.of(nextRound, p)).orElse(Map.of())
                    : recorded.incrementsSet());
            if (opened != null && !prices.equals(opened.prices())) {
                throw new ClockRoundReplay.Mismatch(stage.nextRound(), "round " + stage.nextRound()
                        + " of SMRA stage " + stageId + " opened with prices the rebuilt engine does not give");
            }
            next = Optional.of(prices);
        }
        if (recomputed > 0 || from.isEmpty()) {
            log.info("SMRA engine of auction {} stage {}: {} round(s) recomputed from the transcript and checked "
                    + "in {} ms", auction, stageId, recomputed, (System.nanoTime() - started) / 1_000_000);
        }
        return new LiveSmra(stage, next);
    }

    /** The stage's setup from the auction's transcript, as the offline verifier reads it ({@link AuctionReplay}). */
    Mono<SmraSetup> setup(UUID auction, String stageId) {
        return auctions.find(auction).flatMap(v -> catalog.of(v.auction()))
                .flatMap(d -> auctions.seed(auction)
                        .flatMap(seed -> transcripts.entriesOfTypes(Chains.auction(auction), AuctionReplay.SETUP_TYPES)
                                .map(SignedRecord::record)
                                .collectList()
                                .map(records -> AuctionReplay.smraSetup(d, stageId, seed, records))));
    }
}
