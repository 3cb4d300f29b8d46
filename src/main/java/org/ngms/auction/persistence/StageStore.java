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

/**
 * Stage windows and outcomes. Every change of a window's state is a conditional update ("… where state = 'OPEN'"),
 * so with several instances on one database exactly one of them opens or closes a window.
 */
@Repository
public class StageStore {

    /** Only auctions that are bidding move in time: a cancelled auction's windows stay where they are. */
    static final String BIDDING = " and exists (select 1 from auction a where a.id = w.auction_id and a.state = 'BIDDING')";

    private final DatabaseClient db;

    public StageStore(DatabaseClient db) {
        this.db = db;
    }

    /** A stage's window as stored. */
    public record Window(UUID auction, String stage, String stageType, Instant opensAt, Optional<Instant> closesAt,
                         String state, Optional<String> resultJson) {
    }

    public Mono<Void> insert(UUID auction, String stage, String type, Instant opensAt, Optional<Instant> closesAt) {
        var spec = db.sql("""
                        insert into stage_window (auction_id, stage_id, stage_type, opens_at, closes_at, state)
                        values (:auction, :stage, :type, :opens, :closes, 'SCHEDULED')
                        """)
                .bind("auction", auction)
                .bind("stage", stage)
                .bind("type", type)
                .bind("opens", utc(opensAt));
        spec = closesAt.isPresent() ? spec.bind("closes", utc(closesAt.get()))
                : spec.bindNull("closes", OffsetDateTime.class);
        return spec.fetch().rowsUpdated().then();
    }

    public Mono<Window> window(UUID auction, String stage) {
        return db.sql("select * from stage_window where auction_id = :auction and stage_id = :stage")
                .bind("auction", auction)
                .bind("stage", stage)
                .map(StageStore::window)
                .one();
    }

    /** Locks the window for the rest of the transaction: submissions and the closing serialise on it. */
    public Mono<Window> windowForUpdate(UUID auction, String stage) {
        return db.sql("select * from stage_window where auction_id = :auction and stage_id = :stage for update")
                .bind("auction", auction)
                .bind("stage", stage)
                .map(StageStore::window)
                .one();
    }

    public Flux<Window> windows(UUID auction) {
        return db.sql("select * from stage_window where auction_id = :auction order by opens_at, stage_id")
                .bind("auction", auction)
                .map(StageStore::window)
                .all();
    }

    public Flux<Window> dueToOpen(Instant now) {
        return db.sql("select * from stage_window w where state = 'SCHEDULED' and opens_at <= :now" + BIDDING)
                .bind("now", utc(now))
                .map(StageStore::window)
                .all();
    }

    public Flux<Window> dueToClose(Instant now) {
        return db.sql("select * from stage_window w where state = 'OPEN' and closes_at <= :now" + BIDDING)
                .bind("now", utc(now))
                .map(StageStore::window)
                .all();
    }

    /** Moves a window from {@code from} to {@code to}; emits false if another instance (or request) did it first. */
    public Mono<Boolean> advance(UUID auction, String stage, String from, String to, Instant at) {
        String column = switch (to) {
            case "OPEN" -> "opened_at";
            case "CLOSED" -> "closed_at";
            default -> "evaluated_at";
        };
        return db.sql("update stage_window set state = :to, " + column + " = :at "
                        + "where auction_id = :auction and stage_id = :stage and state = :from")
                .bind("to", to)
                .bind("at", utc(at))
                .bind("auction", auction)
                .bind("stage", stage)
                .bind("from", from)
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }

    public Mono<Void> storeResult(UUID auction, String stage, String resultJson) {
        return db.sql("update stage_window set result_json = :json where auction_id = :auction and stage_id = :stage")
                .bind("json", resultJson)
                .bind("auction", auction)
                .bind("stage", stage)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> extend(UUID auction, String stage, Instant closesAt) {
        return db.sql("update stage_window set closes_at = :closes where auction_id = :auction and stage_id = :stage")
                .bind("closes", utc(closesAt))
                .bind("auction", auction)
                .bind("stage", stage)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> insertOutcome(UUID auction, String json, long seq, Instant at) {
        return db.sql("insert into auction_outcome (auction_id, outcome_json, transcript_seq, published_at) "
                        + "values (:auction, :json, :seq, :at)")
                .bind("auction", auction)
                .bind("json", json)
                .bind("seq", seq)
                .bind("at", utc(at))
                .fetch().rowsUpdated().then();
    }

    /** The published outcome's JSON and the transcript record that holds it. */
    public record StoredOutcome(String json, long seq, Instant publishedAt) {
    }

    public Mono<StoredOutcome> outcome(UUID auction) {
        return db.sql("select * from auction_outcome where auction_id = :auction")
                .bind("auction", auction)
                .map(row -> new StoredOutcome(row.get("outcome_json", String.class),
                        row.get("transcript_seq", Long.class),
                        row.get("published_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    private static Window window(Readable row) {
        return new Window(row.get("auction_id", UUID.class), row.get("stage_id", String.class),
                row.get("stage_type", String.class), row.get("opens_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("closes_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                row.get("state", String.class), Optional.ofNullable(row.get("result_json", String.class)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
