package org.ngms.auction.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.auction.Auction;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Schedule;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auctions, their bidders and their state history in PostgreSQL, with explicit SQL. State changes use optimistic
 * locking on {@code row_version}, so two concurrent transitions cannot both succeed.
 */
@Repository
public class AuctionStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    public AuctionStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** An auction with the row version its next update must match. */
    public record Versioned(Auction auction, int rowVersion) {
    }

    /** The JSON form of a schedule in its column. */
    record ScheduleRow(Instant applicationDeadline, Instant biddingOpens, Map<String, Instant> stageOpenings,
                       Map<String, Instant> stageClosings) {
    }

    public Mono<Void> insert(Auction a) {
        return db.sql("""
                        insert into auction (id, directive_id, directive_version, directive_sha256, title, state,
                                             schedule_json, created_at, updated_at)
                        values (:id, :directiveId, :directiveVersion, :sha256, :title, :state, :schedule, :createdAt,
                                :updatedAt)
                        """)
                .bind("id", a.id())
                .bind("directiveId", a.directiveId())
                .bind("directiveVersion", a.directiveVersion())
                .bind("sha256", a.directiveSha256())
                .bind("title", a.title())
                .bind("state", a.state().name())
                .bind("schedule", scheduleJson(a.schedule()))
                .bind("createdAt", utc(a.createdAt()))
                .bind("updatedAt", utc(a.updatedAt()))
                .fetch().rowsUpdated()
                .then(recordTransition(a.id(), null, a.state(), "created", a.createdAt()));
    }

    /** Writes a new state if the row still has {@code rowVersion}; emits false if someone changed it first. */
    public Mono<Boolean> updateState(Auction next, int rowVersion, AuctionState from, String reason) {
        return db.sql("""
                        update auction set state = :state, updated_at = :at, row_version = row_version + 1
                        where id = :id and row_version = :rowVersion
                        """)
                .bind("state", next.state().name())
                .bind("at", utc(next.updatedAt()))
                .bind("id", next.id())
                .bind("rowVersion", rowVersion)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? recordTransition(next.id(), from, next.state(), reason, next.updatedAt()).thenReturn(true)
                        : Mono.just(false));
    }

    private Mono<Void> recordTransition(UUID auctionId, AuctionState from, AuctionState to, String reason,
                                        Instant at) {
        var spec = db.sql("""
                        insert into auction_transition (auction_id, seq, from_state, to_state, reason, at)
                        values (:auctionId,
                                (select coalesce(max(seq), 0) + 1 from auction_transition where auction_id = :auctionId),
                                :from, :to, :reason, :at)
                        """)
                .bind("auctionId", auctionId)
                .bind("to", to.name())
                .bind("at", utc(at));
        spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.fetch().rowsUpdated().then();
    }

    public Mono<Versioned> find(UUID id) {
        return db.sql("select * from auction where id = :id")
                .bind("id", id)
                .map(this::auctionRow)
                .one();
    }

    /** Locks the auction row for the rest of the transaction (registrations and decisions serialise on it). */
    public Mono<Versioned> findForUpdate(UUID id) {
        return db.sql("select * from auction where id = :id for update")
                .bind("id", id)
                .map(this::auctionRow)
                .one();
    }

    public Flux<Auction> list() {
        return db.sql("select * from auction order by created_at, id")
                .map(this::auctionRow)
                .all()
                .map(Versioned::auction);
    }

    /** A state change as recorded. */
    public record Transition(int seq, String from, String to, String reason, Instant at) {
    }

    public Flux<Transition> transitions(UUID auctionId) {
        return db.sql("select * from auction_transition where auction_id = :id order by seq")
                .bind("id", auctionId)
                .map(row -> new Transition(row.get("seq", Integer.class), row.get("from_state", String.class),
                        row.get("to_state", String.class), row.get("reason", String.class),
                        row.get("at", OffsetDateTime.class).toInstant()))
                .all();
    }

    // --- committed randomness

    public Mono<Void> insertSeed(UUID auctionId, byte[] seed) {
        return db.sql("insert into auction_seed (auction_id, seed) values (:auction, :seed)")
                .bind("auction", auctionId)
                .bind("seed", java.nio.ByteBuffer.wrap(seed))
                .fetch().rowsUpdated().then();
    }

    /** Marks the seed revealed (once) and returns it; empty if it was revealed before. */
    public Mono<byte[]> revealSeed(UUID auctionId, Instant at) {
        return db.sql("""
                        update auction_seed set revealed_at = :at
                        where auction_id = :auction and revealed_at is null
                        returning seed
                        """)
                .bind("at", utc(at))
                .bind("auction", auctionId)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("seed", java.nio.ByteBuffer.class);
                    byte[] seed = new byte[buffer.remaining()];
                    buffer.get(seed);
                    return seed;
                })
                .one();
    }

    /** The secret seed, for the auction's own random choices; never served by the API before it is revealed. */
    public Mono<byte[]> seed(UUID auctionId) {
        return db.sql("select seed from auction_seed where auction_id = :auction")
                .bind("auction", auctionId)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("seed", java.nio.ByteBuffer.class);
                    byte[] seed = new byte[buffer.remaining()];
                    buffer.get(seed);
                    return seed;
                })
                .one();
    }

    // --- bidders

    public Mono<Void> insertBidder(UUID auctionId, Bidder b) {
        return db.sql("""
                        insert into bidder (auction_id, id, organisation, new_entrant, holdings_json, deposit,
                                            requested_demand_json, status, eligibility_points, conditions_json,
                                            registered_at)
                        values (:auctionId, :id, :organisation, :newEntrant, :holdings, :deposit, :demand, :status,
                                :points, :conditions, :registeredAt)
                        """)
                .bind("auctionId", auctionId)
                .bind("id", b.id())
                .bind("organisation", b.organisation())
                .bind("newEntrant", b.newEntrant())
                .bind("holdings", holdingsJson(b.holdings()))
                .bind("deposit", b.deposit().amount())
                .bind("demand", json.writeValueAsString(new TreeMap<>(b.requestedDemand())))
                .bind("status", b.status().name())
                .bind("points", b.eligibilityPoints())
                .bind("conditions", json.writeValueAsString(b.conditions()))
                .bind("registeredAt", utc(b.registeredAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> updateDecision(UUID auctionId, Bidder b) {
        var spec = db.sql("""
                        update bidder set status = :status, eligibility_points = :points, conditions_json = :conditions,
                                          decision_reason = :reason, decided_at = :decidedAt
                        where auction_id = :auctionId and id = :id
                        """)
                .bind("status", b.status().name())
                .bind("points", b.eligibilityPoints())
                .bind("conditions", json.writeValueAsString(b.conditions()))
                .bind("decidedAt", utc(b.decidedAt().orElseThrow()))
                .bind("auctionId", auctionId)
                .bind("id", b.id());
        spec = b.decisionReason().isPresent() ? spec.bind("reason", b.decisionReason().get())
                : spec.bindNull("reason", String.class);
        return spec.fetch().rowsUpdated().then();
    }

    /**
     * Bidders in code-point order of their ids ({@code collate "C"}), the order the offline verifier uses, so that a
     * round lists its bidders the same way whatever the database's collation.
     */
    public Flux<Bidder> bidders(UUID auctionId) {
        return db.sql("select * from bidder where auction_id = :auctionId order by id collate \"C\"")
                .bind("auctionId", auctionId)
                .map(this::bidderRow)
                .all();
    }

    public Mono<Bidder> bidder(UUID auctionId, String bidderId) {
        return db.sql("select * from bidder where auction_id = :auctionId and id = :id")
                .bind("auctionId", auctionId)
                .bind("id", bidderId)
                .map(this::bidderRow)
                .one();
    }

    // --- mapping

    private Versioned auctionRow(Readable row) {
        ScheduleRow s = json.readValue(row.get("schedule_json", String.class), ScheduleRow.class);
        Auction auction = new Auction(
                row.get("id", UUID.class),
                row.get("directive_id", String.class),
                row.get("directive_version", Integer.class),
                row.get("directive_sha256", String.class),
                row.get("title", String.class),
                AuctionState.valueOf(row.get("state", String.class)),
                new Schedule(s.applicationDeadline(), s.biddingOpens(), s.stageOpenings(), s.stageClosings()),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
        return new Versioned(auction, row.get("row_version", Integer.class));
    }

    private Bidder bidderRow(Readable row) {
        Map<String, String> holdings = json.readValue(row.get("holdings_json", String.class),
                new TypeReference<LinkedHashMap<String, String>>() { });
        Map<String, Mhz> mhz = new TreeMap<>();
        holdings.forEach((band, value) -> mhz.put(band, Mhz.parse(value)));
        Map<String, Integer> demand = json.readValue(row.get("requested_demand_json", String.class),
                new TypeReference<LinkedHashMap<String, Integer>>() { });
        List<Bidder.AppliedCondition> conditions = json.readValue(row.get("conditions_json", String.class),
                new TypeReference<List<Bidder.AppliedCondition>>() { });
        OffsetDateTime decidedAt = row.get("decided_at", OffsetDateTime.class);
        return new Bidder(
                row.get("id", String.class),
                row.get("organisation", String.class),
                Boolean.TRUE.equals(row.get("new_entrant", Boolean.class)),
                mhz,
                Money.of(row.get("deposit", Long.class)),
                demand,
                Bidder.Status.valueOf(row.get("status", String.class)),
                row.get("eligibility_points", Integer.class),
                conditions,
                Optional.ofNullable(row.get("decision_reason", String.class)),
                row.get("registered_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(decidedAt).map(OffsetDateTime::toInstant));
    }

    private String scheduleJson(Schedule s) {
        return json.writeValueAsString(new ScheduleRow(s.applicationDeadline(), s.biddingOpens(),
                s.sortedStageOpenings(), s.sortedStageClosings()));
    }

    private String holdingsJson(Map<String, Mhz> holdings) {
        Map<String, String> text = new TreeMap<>();
        holdings.forEach((band, mhz) -> text.put(band, mhz.toString()));
        return json.writeValueAsString(text);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
