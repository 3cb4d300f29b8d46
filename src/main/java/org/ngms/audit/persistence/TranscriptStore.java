package org.ngms.audit.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.ngms.audit.Instants;
import org.ngms.audit.SigningKey;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TranscriptRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends to hash-chained transcripts in PostgreSQL, in the caller's transaction: the record commits with the state
 * change it records, or neither does. Appends to one chain serialise on its head row, so concurrent appends still form
 * one chain. The table refuses updates and deletes.
 */
@Repository
public class TranscriptStore {

    private final DatabaseClient db;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public TranscriptStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The latest record of a chain. */
    public record Head(String chain, long seq, String hash) {
    }

    /**
     * Appends a record signed by {@code signer}: the current key, or for a rotation's record the key it retires
     * (the keyring, an application service, chooses; the store only writes).
     */
    public Mono<SignedRecord> append(String chain, String type, ObjectNode payload, Mono<SigningKey> signer) {
        // the payload (most of a record's bytes) is canonicalised before the chain's head is locked: appends to one
        // chain wait for each other, so only what needs the head (seq, prev, time, signature) is done under it
        // and the signing key is read first too (always key, then head: a rotation, which locks the key and then
        // appends to the service chain, cannot deadlock with an append)
        String canonicalPayload = TranscriptRecord.canonicalPayload(payload);
        return signer.flatMap(key -> db.sql("""
                        insert into transcript_chain (chain, seq, head) values (:chain, 0, :genesis)
                        on conflict (chain) do nothing
                        """)
                .bind("chain", chain)
                .bind("genesis", TranscriptRecord.GENESIS)
                .fetch().rowsUpdated()
                .then(lockedHead(chain))
                .flatMap(head -> write(head, key, type, payload, canonicalPayload)));
    }

    private Mono<Head> lockedHead(String chain) {
        return db.sql("select * from transcript_chain where chain = :chain for update")
                .bind("chain", chain)
                .map(row -> new Head(row.get("chain", String.class), row.get("seq", Long.class),
                        row.get("head", String.class)))
                .one();
    }

    private Mono<SignedRecord> write(Head head, SigningKey key, String type, ObjectNode payload,
                                     String canonicalPayload) {
        Instant at = Instants.millis(clock.instant());
        if (at.isBefore(key.validFrom())) {
            at = key.validFrom();
        }
        TranscriptRecord record = new TranscriptRecord(head.chain(), head.seq() + 1, head.hash(), type,
                Instants.format(at), payload);
        String canonical = record.canonicalJson(canonicalPayload);
        SignedRecord entry = SignedRecord.sign(record, canonical, key.kid(), key.keys().privateKey());
        return db.sql("""
                        insert into transcript (chain, seq, type, at, record_json, hash, kid, signature)
                        values (:chain, :seq, :type, :at, :json, :hash, :kid, :signature)
                        """)
                .bind("chain", record.chain())
                .bind("seq", record.seq())
                .bind("type", type)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("json", canonical)
                .bind("hash", entry.hash())
                .bind("kid", entry.kid())
                .bind("signature", entry.signature())
                .fetch().rowsUpdated()
                .then(db.sql("update transcript_chain set seq = :seq, head = :hash where chain = :chain")
                        .bind("seq", record.seq())
                        .bind("hash", entry.hash())
                        .bind("chain", record.chain())
                        .fetch().rowsUpdated())
                .thenReturn(entry);
    }

    public Flux<SignedRecord> entries(String chain) {
        return db.sql("select * from transcript where chain = :chain order by seq")
                .bind("chain", chain)
                .map(this::entryRow)
                .all();
    }

    /** The records of a chain of the given types, in order. */
    public Flux<SignedRecord> entriesOfTypes(String chain, List<String> types) {
        return db.sql("select * from transcript where chain = :chain and type = any(:types) order by seq")
                .bind("chain", chain)
                .bind("types", types.toArray(new String[0]))
                .map(this::entryRow)
                .all();
    }

    /** The records of a chain with {@code after < seq <= upTo}, in order. */
    public Flux<SignedRecord> entriesBetween(String chain, long after, long upTo) {
        return db.sql("select * from transcript where chain = :chain and seq > :after and seq <= :upTo order by seq")
                .bind("chain", chain)
                .bind("after", after)
                .bind("upTo", upTo)
                .map(this::entryRow)
                .all();
    }

    public Mono<SignedRecord> entry(String chain, long seq) {
        return db.sql("select * from transcript where chain = :chain and seq = :seq")
                .bind("chain", chain)
                .bind("seq", seq)
                .map(this::entryRow)
                .one();
    }

    public Mono<Head> head(String chain) {
        return db.sql("select * from transcript_chain where chain = :chain")
                .bind("chain", chain)
                .map(row -> new Head(row.get("chain", String.class), row.get("seq", Long.class),
                        row.get("head", String.class)))
                .one();
    }

    /** Rows as stored; a tampered row still loads, and the verifier, not this reader, finds the damage. */
    private SignedRecord entryRow(Readable row) {
        TranscriptRecord record = TranscriptRecord.fromJson(json.readTree(row.get("record_json", String.class)));
        return new SignedRecord(record, row.get("hash", String.class), row.get("kid", String.class),
                row.get("signature", String.class));
    }
}
