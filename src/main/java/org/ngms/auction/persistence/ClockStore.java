package org.ngms.auction.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clock rounds and round bids. Closing a round is a conditional update: one instance wins it. */
@Repository
public class ClockStore {

    private final DatabaseClient db;

    public ClockStore(DatabaseClient db) {
        this.db = db;
    }

    /** A round as stored; {@code roundJson} is the canonical result once closed. */
    public record RoundRow(UUID auction, String stage, int round, String state, Instant opensAt, Instant closesAt,
                           Optional<Instant> pausedAt, Optional<String> roundJson) {
    }

    /** One version of a bidder's bids in a round. */
    public record BidRow(String bidder, int version, Instant submittedAt, String bidsJson) {
    }

    public Mono<Void> openRound(UUID auction, String stage, int round, Instant opensAt, Instant closesAt) {
        return db.sql("insert into clock_round (auction_id, stage_id, round, state, opens_at, closes_at) "
                        + "values (:auction, :stage, :round, 'OPEN', :opens, :closes)")
                .bind("auction", auction).bind("stage", stage).bind("round", round)
                .bind("opens", utc(opensAt)).bind("closes", utc(closesAt))
                .fetch().rowsUpdated().then();
    }

    public Flux<RoundRow> rounds(UUID auction, String stage) {
        return db.sql("select * from clock_round where auction_id = :auction and stage_id = :stage order by round")
                .bind("auction", auction).bind("stage", stage)
                .map(ClockStore::round).all();
    }

    /**
     * The round's row, locked against a close, a pause or an extension until the transaction ends but not against
     * other bidders' submissions, which hold it the same way: bids enter a round in parallel, and the round closes
     * only after every submission that saw it open has committed.
     */
    public Mono<RoundRow> roundForShare(UUID auction, String stage, int round) {
        return db.sql("select * from clock_round where auction_id = :auction and stage_id = :stage "
                        + "and round = :round for share")
                .bind("auction", auction).bind("stage", stage).bind("round", round)
                .map(ClockStore::round).one();
    }

    public Mono<RoundRow> roundForUpdate(UUID auction, String stage, int round) {
        return db.sql("select * from clock_round where auction_id = :auction and stage_id = :stage "
                        + "and round = :round for update")
                .bind("auction", auction).bind("stage", stage).bind("round", round)
                .map(ClockStore::round).one();
    }

    public Flux<RoundRow> dueToClose(Instant now) {
        return db.sql("select * from clock_round w where state = 'OPEN' and paused_at is null and closes_at <= :now"
                        + StageStore.BIDDING)
                .bind("now", utc(now))
                .map(ClockStore::round).all();
    }

    /** Closes an open, unpaused round; emits false if it was closed already (by another instance) or is paused. */
    public Mono<Boolean> close(UUID auction, String stage, int round) {
        return db.sql("update clock_round set state = 'CLOSED' where auction_id = :auction and stage_id = :stage "
                        + "and round = :round and state = 'OPEN' and paused_at is null")
                .bind("auction", auction).bind("stage", stage).bind("round", round)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Void> storeResult(UUID auction, String stage, int round, String json) {
        return db.sql("update clock_round set round_json = :json where auction_id = :auction and stage_id = :stage "
                        + "and round = :round")
                .bind("json", json).bind("auction", auction).bind("stage", stage).bind("round", round)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> pause(UUID auction, String stage, int round, Instant at) {
        return db.sql("update clock_round set paused_at = :at where auction_id = :auction and stage_id = :stage "
                        + "and round = :round")
                .bind("at", utc(at)).bind("auction", auction).bind("stage", stage).bind("round", round)
                .fetch().rowsUpdated().then();
    }

    /** Resumes a paused round, moving its deadline by the time it was paused. */
    public Mono<Void> resume(UUID auction, String stage, int round, Instant at) {
        return db.sql("update clock_round set closes_at = closes_at + (:at - paused_at), paused_at = null "
                        + "where auction_id = :auction and stage_id = :stage and round = :round "
                        + "and paused_at is not null")
                .bind("at", utc(at)).bind("auction", auction).bind("stage", stage).bind("round", round)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> extend(UUID auction, String stage, int round, Instant closesAt) {
        return db.sql("update clock_round set closes_at = :closes where auction_id = :auction and stage_id = :stage "
                        + "and round = :round")
                .bind("closes", utc(closesAt)).bind("auction", auction).bind("stage", stage).bind("round", round)
                .fetch().rowsUpdated().then();
    }

    /** The regulator's increment (decimal percent text) for a round, replacing one set before. */
    public Mono<Void> setIncrement(UUID auction, String stage, int round, String percent) {
        return db.sql("insert into clock_increment (auction_id, stage_id, round, percent) "
                        + "values (:auction, :stage, :round, :percent) "
                        + "on conflict (auction_id, stage_id, round) do update set percent = excluded.percent")
                .bind("auction", auction).bind("stage", stage).bind("round", round).bind("percent", percent)
                .fetch().rowsUpdated().then();
    }

    /** The increments the regulator set for a stage's rounds. */
    public Flux<IncrementRow> increments(UUID auction, String stage) {
        return db.sql("select round, percent from clock_increment where auction_id = :auction and stage_id = :stage "
                        + "order by round")
                .bind("auction", auction).bind("stage", stage)
                .map(row -> new IncrementRow(row.get("round", Integer.class), row.get("percent", String.class)))
                .all();
    }

    /** A round's increment as the regulator set it, as decimal percent text. */
    public record IncrementRow(int round, String percent) {
    }

    public Mono<Integer> latestBidVersion(UUID auction, String stage, int round, String bidder) {
        return db.sql("select coalesce(max(version), 0) as v from clock_bid where auction_id = :auction "
                        + "and stage_id = :stage and round = :round and bidder_id = :bidder")
                .bind("auction", auction).bind("stage", stage).bind("round", round).bind("bidder", bidder)
                .map(row -> row.get("v", Integer.class)).one();
    }

    public Mono<Void> insertBids(UUID auction, String stage, int round, String bidder, int version, Instant at,
                                 String json) {
        return db.sql("insert into clock_bid (auction_id, stage_id, round, bidder_id, version, submitted_at, "
                        + "bids_json) values (:auction, :stage, :round, :bidder, :version, :at, :json)")
                .bind("auction", auction).bind("stage", stage).bind("round", round).bind("bidder", bidder)
                .bind("version", version).bind("at", utc(at)).bind("json", json)
                .fetch().rowsUpdated().then();
    }

    /** The latest version of every bidder's bids in a round. */
    public Flux<BidRow> latestBids(UUID auction, String stage, int round) {
        return db.sql("""
                        select distinct on (bidder_id) * from clock_bid
                        where auction_id = :auction and stage_id = :stage and round = :round
                        order by bidder_id, version desc
                        """)
                .bind("auction", auction).bind("stage", stage).bind("round", round)
                .map(row -> new BidRow(row.get("bidder_id", String.class), row.get("version", Integer.class),
                        row.get("submitted_at", OffsetDateTime.class).toInstant(), row.get("bids_json", String.class)))
                .all();
    }

    public Flux<BidRow> bids(UUID auction, String stage, int round, String bidder) {
        return db.sql("select * from clock_bid where auction_id = :auction and stage_id = :stage and round = :round "
                        + "and bidder_id = :bidder order by version")
                .bind("auction", auction).bind("stage", stage).bind("round", round).bind("bidder", bidder)
                .map(row -> new BidRow(row.get("bidder_id", String.class), row.get("version", Integer.class),
                        row.get("submitted_at", OffsetDateTime.class).toInstant(), row.get("bids_json", String.class)))
                .all();
    }

    private static RoundRow round(Readable row) {
        return new RoundRow(row.get("auction_id", UUID.class), row.get("stage_id", String.class),
                row.get("round", Integer.class), row.get("state", String.class),
                row.get("opens_at", OffsetDateTime.class).toInstant(),
                row.get("closes_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("paused_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("round_json", String.class)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
