package org.ngms.auction.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.audit.Chains;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.persistence.TranscriptStore;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRules;
import org.ngms.auction.clock.ClockRoundReplay;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.events.AuctionReplay;
import org.ngms.auction.events.RoundOpened;
import org.ngms.auction.events.RoundResult;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.directive.Stage;
import org.ngms.shared.Percent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clock engine of every open clock stage, in memory. A stage's engine is advanced by each round close and
 * handed to the next bid as it is, so a bid costs work in proportion to the bid, never to the auction's history.
 * Where the cache has no engine (a restart, an engine evicted, a round closed by another instance), it is rebuilt
 * from the stage's setup and the auction's transcript — each round opened with the increment its {@code ROUND_OPENED}
 * records and processed with the bid sets its {@code ROUND_RESULT} lists ({@link ClockRoundReplay}, the path the
 * offline verifier takes too) — and every recomputed round is checked byte for byte against its recorded result; a
 * difference stops the stage with an error naming the round rather than letting bids into an engine that does not
 * match the published record.
 *
 * <p>An engine enters the cache only after the transaction that produced it committed ({@link #remember}), so a
 * cached engine is always one the database agrees with; a cached engine with fewer rounds than the database (the
 * other instance closed them) is advanced from where it is. The cache is bounded (least recently used first out):
 * an evicted stage costs one rebuild.
 */
@Component
public class ClockEngines {

    private static final Logger log = LoggerFactory.getLogger(ClockEngines.class);

    private final ClockStore clocks;
    private final TranscriptStore transcripts;
    private final AuctionStore auctions;
    private final DirectiveCatalog catalog;
    private final Compute compute;
    private final EngineCache<LiveClock> cache;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClockEngines(ClockStore clocks, AuctionStore auctions, DirectiveCatalog catalog,
                        TranscriptStore transcripts, Compute compute,
                        @Value("${ngms.clock.engine-cache-size:64}") int cacheSize) {
        this.clocks = clocks;
        this.transcripts = transcripts;
        this.auctions = auctions;
        this.catalog = catalog;
        this.compute = compute;
        this.cache = new EngineCache<>(cacheSize);
    }

    /**
     * A clock stage's engine: its closed rounds, and the prices of the round that follows them as they stand (empty
     * once the stage has ended). The increments the regulator set are those the rounds opened with.
     */
    public record LiveClock(ClockStage stage, Optional<RoundPrices> next) {

        /** The prices of the open round, which must be round {@code round}. */
        public RoundPrices pricesOf(int round) {
            RoundPrices prices = next.orElseThrow(() -> new IllegalStateException("stage "
                    + stage.setup().stageId() + " has ended after round " + stage.rounds().size()));
            if (prices.round() != round) {
                throw new IllegalStateException("the engine's next round is " + prices.round() + ", not " + round);
            }
            return prices;
        }
    }

    /**
     * The engine of clock stage {@code stageId} after exactly {@code closedRounds} processed rounds, with the prices
     * of the round after them: from the cache, advanced or rebuilt from the database where needed.
     */
    public Mono<LiveClock> after(AuctionId auction, StageId stageId, int closedRounds) {
        return after(auction.value(), stageId.value(), closedRounds);
    }

    private Mono<LiveClock> after(UUID auction, String stageId, int closedRounds) {
        LiveClock cached = cache.get(AuctionId.of(auction), StageId.of(stageId));
        if (cached != null && cached.stage().rounds().size() == closedRounds) {
            return Mono.just(cached);
        }
        Optional<LiveClock> from = Optional.ofNullable(cached)
                .filter(c -> c.stage().rounds().size() < closedRounds);
        return load(auction, stageId, closedRounds, from);
    }

    /** Keeps an engine once the transaction that closed (or opened) its last round has committed. */
    public void remember(AuctionId auction, StageId stageId, LiveClock engine) {
        remember(auction.value(), stageId.value(), engine);
    }

    private void remember(UUID auction, String stageId, LiveClock engine) {
        cache.put(AuctionId.of(auction), StageId.of(stageId), engine);
    }

    /** Drops a stage's engine (after a failed close: the next use rebuilds it from the database). */
    public void forget(AuctionId auction, StageId stageId) {
        forget(auction.value(), stageId.value());
    }

    private void forget(UUID auction, String stageId) {
        cache.remove(AuctionId.of(auction), StageId.of(stageId));
    }

    /** The prices round {@code stage.nextRound()} opens with: the regulator's increment for it, else the default. */
    public Mono<Optional<RoundPrices>> nextPrices(AuctionId auction, StageId stageId, ClockStage stage) {
        return nextPrices(auction.value(), stageId.value(), stage);
    }

    private Mono<Optional<RoundPrices>> nextPrices(UUID auction, String stageId, ClockStage stage) {
        if (stage.ended()) {
            return Mono.just(Optional.empty());
        }
        return clocks.increments(auction, stageId)
                .collectMap(ClockStore.IncrementRow::round, r -> Percent.parse(r.percent()))
                .map(increments -> Optional.of(open(stage, increments)));
    }

    private static RoundPrices open(ClockStage stage, Map<Integer, Percent> increments) {
        return stage.open(incrementOf(stage.setup().increment(), increments, stage.nextRound())).orElseThrow();
    }

    /** The regulator's increment for round {@code round} ({@link ClockRules#regulatorIncrement}). */
    static Optional<Percent> incrementOf(Stage.Increment rule, Map<Integer, Percent> set, int round) {
        return ClockRules.regulatorIncrement(rule, Optional.ofNullable(set.get(round)), round);
    }

    // --- rebuilding

    /** What the transcript records of a stage's rounds: each round opened (with its prices) and each result. */
    private record Recorded(ClockSetup setup, Map<Integer, RoundOpened> opened, Map<Integer, RoundResult> results,
                            Map<Integer, Percent> incrementsSet) {
    }

    private Mono<LiveClock> load(UUID auction, String stageId, int closedRounds, Optional<LiveClock> from) {
        // each query is read to its end before the next starts: nested queries on the connection of an open
        // transaction wait for the outer one's rows, which wait for demand (the freeze once a stage had 32 rounds)
        Mono<ClockSetup> setup = from.map(c -> Mono.just(c.stage().setup()))
                .orElseGet(() -> setup(auction, stageId));
        return setup.flatMap(s -> transcripts.entriesOfTypes(Chains.auction(auction),
                                List.of(RoundOpened.TYPE, RoundResult.TYPE)).collectList()
                        .flatMap(records -> clocks.increments(auction, stageId)
                                .collectMap(ClockStore.IncrementRow::round, r -> Percent.parse(r.percent()))
                                .map(increments -> recorded(s, stageId, records, increments))))
                .flatMap(recorded -> compute.run(() -> replay(auction, recorded, closedRounds, from)));
    }

    /** The stage's ROUND_OPENED and ROUND_RESULT records, read with their codecs. */
    private static Recorded recorded(ClockSetup setup, String stageId, List<SignedRecord> records,
                                     Map<Integer, Percent> incrementsSet) {
        Map<Integer, RoundOpened> opened = new TreeMap<>();
        Map<Integer, RoundResult> results = new TreeMap<>();
        for (SignedRecord r : records) {
            if (!stageId.equals(r.record().payload().path("stage").asString(""))) {
                continue;
            }
            if (r.record().type().equals(RoundOpened.TYPE)) {
                RoundOpened o = RoundOpened.read(r.record().payload());
                opened.put(o.prices().round(), o);
            } else {
                RoundResult result = RoundResult.read(r.record().payload());
                results.put(result.round(), result);
            }
        }
        return new Recorded(setup, opened, results, incrementsSet);
    }

    /**
     * Rounds {@code from + 1} to {@code closedRounds} recomputed from the bid sets their ROUND_RESULT lists, with the
     * increment their ROUND_OPENED records, each checked byte for byte against the recorded result; then the open
     * round's prices, checked against its ROUND_OPENED where it has one.
     */
    private LiveClock replay(UUID auction, Recorded recorded, int closedRounds, Optional<LiveClock> from) {
        long started = System.nanoTime();
        ClockStage stage = from.map(LiveClock::stage).orElseGet(() -> ClockStage.start(recorded.setup()));
        List<ClockRoundReplay.Recorded> rounds = new ArrayList<>();
        for (int round = stage.nextRound(); round <= closedRounds; round++) {
            RoundOpened opened = recorded.opened().get(round);
            RoundResult result = recorded.results().get(round);
            if (opened == null || result == null) {
                throw new ClockRoundReplay.Mismatch(round, "round " + round + " of stage " + stageId(recorded)
                        + " of auction " + auction + " has no recorded " + (opened == null ? "opening" : "result")
                        + "; its engine cannot be rebuilt");
            }
            rounds.add(new ClockRoundReplay.Recorded(round, opened.prices().increment(),
                    result.bids().stream().flatMap(set -> set.bids().stream()).toList(), result.resultCanonical()));
        }
        stage = ClockRoundReplay.replay(stage, rounds);
        Optional<RoundPrices> next = Optional.empty();
        if (!stage.ended()) {
            RoundOpened opened = recorded.opened().get(stage.nextRound());
            RoundPrices prices = open(stage, opened != null
                    ? Map.of(stage.nextRound(), opened.prices().increment().orElse(new Percent(0)))
                    : recorded.incrementsSet());
            if (opened != null && !prices.equals(opened.prices())) {
                throw new ClockRoundReplay.Mismatch(stage.nextRound(), "round " + stage.nextRound() + " of stage "
                        + stageId(recorded) + " of auction " + auction + " opened with prices the rebuilt engine "
                        + "does not give; the engine is not used");
            }
            next = Optional.of(prices);
        }
        if (!rounds.isEmpty() || from.isEmpty()) {
            log.info("clock engine of auction {} stage {}: {} round(s) recomputed from the transcript and checked "
                    + "in {} ms", auction, stageId(recorded), rounds.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return new LiveClock(stage, next);
    }

    private static String stageId(Recorded recorded) {
        return recorded.setup().stageId();
    }

    /** A stored bid set as engine bids. */
    List<Bid> bidsOf(List<ClockStore.BidRow> rows) {
        List<Bid> bids = new ArrayList<>();
        for (ClockStore.BidRow row : rows) {
            json.readTree(row.bidsJson()).forEach(b -> bids.add(new Bid(row.bidder(), b.get("product").asString(),
                    b.get("quantity").intValue(), b.get("price").longValue())));
        }
        return bids;
    }

    /**
     * The stage's setup, from the auction's transcript as the offline verifier reads it ({@link AuctionReplay}): the
     * bidders as the BIDDER_* records left them when the stage opened, the results of the sealed stages before it;
     * with the directive the auction runs under and its committed seed.
     */
    Mono<ClockSetup> setup(UUID auction, String stageId) {
        return auctions.find(auction).flatMap(v -> catalog.of(v.auction()))
                .flatMap(d -> auctions.seed(auction)
                        .flatMap(seed -> transcripts.entriesOfTypes(Chains.auction(auction), AuctionReplay.SETUP_TYPES)
                                .map(SignedRecord::record)
                                .collectList()
                                .map(records -> AuctionReplay.clockSetup(d, stageId, seed, records))));
    }
}
