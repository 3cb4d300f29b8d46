package org.ngms.auction.persistence;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.ngms.auction.sealed.SealedBidCipher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sealed bids at rest (ciphertext and commitment only) and each auction's wrapped bid key. */
@Repository
public class SealedBidStore {

    private final DatabaseClient db;

    public SealedBidStore(DatabaseClient db) {
        this.db = db;
    }

    /** A stored version of a bidder's sealed bid; {@code sealed} is null for a withdrawal. */
    public record StoredBid(String bidder, int version, Instant submittedAt, String commitment, boolean withdrawn,
                            SealedBidCipher.Sealed sealed) {
    }

    /** An auction's bid key: the public half and the wrapped private half. */
    public record BidKey(byte[] publicKey, byte[] wrappedPrivateKey) {
    }

    public Mono<Void> insertKey(UUID auction, byte[] publicKey, byte[] wrappedPrivateKey) {
        return db.sql("insert into auction_bid_key (auction_id, public_key, wrapped_private_key) "
                        + "values (:auction, :public, :wrapped)")
                .bind("auction", auction)
                .bind("public", ByteBuffer.wrap(publicKey))
                .bind("wrapped", ByteBuffer.wrap(wrappedPrivateKey))
                .fetch().rowsUpdated().then();
    }

    public Mono<BidKey> key(UUID auction) {
        return db.sql("select * from auction_bid_key where auction_id = :auction")
                .bind("auction", auction)
                .map(row -> new BidKey(bytes(row, "public_key"), bytes(row, "wrapped_private_key")))
                .one();
    }

    public Mono<Integer> latestVersion(UUID auction, String stage, String bidder) {
        return db.sql("""
                        select coalesce(max(version), 0) as v from sealed_bid
                        where auction_id = :auction and stage_id = :stage and bidder_id = :bidder
                        """)
                .bind("auction", auction)
                .bind("stage", stage)
                .bind("bidder", bidder)
                .map(row -> row.get("v", Integer.class))
                .one();
    }

    public Mono<Void> insert(UUID auction, String stage, String bidder, int version, Instant at, String commitment,
                             SealedBidCipher.Sealed sealed) {
        var spec = db.sql("""
                        insert into sealed_bid (auction_id, stage_id, bidder_id, version, submitted_at, commitment,
                                                withdrawn, ephemeral_public_key, nonce, ciphertext)
                        values (:auction, :stage, :bidder, :version, :at, :commitment, :withdrawn, :eph, :nonce,
                                :ciphertext)
                        """)
                .bind("auction", auction)
                .bind("stage", stage)
                .bind("bidder", bidder)
                .bind("version", version)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("withdrawn", sealed == null);
        if (sealed == null) {
            spec = spec.bindNull("commitment", String.class).bindNull("eph", ByteBuffer.class)
                    .bindNull("nonce", ByteBuffer.class).bindNull("ciphertext", ByteBuffer.class);
        } else {
            spec = spec.bind("commitment", commitment)
                    .bind("eph", ByteBuffer.wrap(sealed.ephemeralPublicKey()))
                    .bind("nonce", ByteBuffer.wrap(sealed.nonce()))
                    .bind("ciphertext", ByteBuffer.wrap(sealed.ciphertext()));
        }
        return spec.fetch().rowsUpdated().then();
    }

    /** Every version of every bidder's bid in a stage, oldest first. */
    public Flux<StoredBid> versions(UUID auction, String stage) {
        return db.sql("select * from sealed_bid where auction_id = :auction and stage_id = :stage "
                        + "order by bidder_id, version")
                .bind("auction", auction)
                .bind("stage", stage)
                .map(SealedBidStore::bid)
                .all();
    }

    public Flux<StoredBid> versions(UUID auction, String stage, String bidder) {
        return db.sql("select * from sealed_bid where auction_id = :auction and stage_id = :stage "
                        + "and bidder_id = :bidder order by version")
                .bind("auction", auction)
                .bind("stage", stage)
                .bind("bidder", bidder)
                .map(SealedBidStore::bid)
                .all();
    }

    private static StoredBid bid(Readable row) {
        boolean withdrawn = Boolean.TRUE.equals(row.get("withdrawn", Boolean.class));
        SealedBidCipher.Sealed sealed = withdrawn ? null : new SealedBidCipher.Sealed(
                bytes(row, "ephemeral_public_key"), bytes(row, "nonce"), bytes(row, "ciphertext"));
        return new StoredBid(row.get("bidder_id", String.class), row.get("version", Integer.class),
                row.get("submitted_at", OffsetDateTime.class).toInstant(), row.get("commitment", String.class),
                withdrawn, sealed);
    }

    private static byte[] bytes(Readable row, String column) {
        ByteBuffer buffer = row.get(column, ByteBuffer.class);
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
