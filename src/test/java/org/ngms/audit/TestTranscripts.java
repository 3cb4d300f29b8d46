package org.ngms.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic transcripts for tests: keys and seeds derived from names, one record a minute from {@link #START},
 * an auction chain that opens with its seed commitment and (optionally) closes with the reveal.
 */
public final class TestTranscripts {

    public static final Instant START = Instant.parse("2026-03-01T09:00:00.000Z");
    public static final String AUCTION = "3f2c9a4e-6b1d-4c8e-9f70-2a5b8c1d0e34";
    public static final String CHAIN = "auction:" + AUCTION;
    public static final byte[] SEED = bytes("ngms-test-seed");

    private TestTranscripts() {
    }

    /** A record's type and payload. */
    public record Payload(String type, ObjectNode body) {
    }

    /** SHA-256 of a name: the same 32 bytes on every run. */
    public static byte[] bytes(String name) {
        return Randomness.fromHex(CanonicalJson.sha256Hex(name.getBytes(StandardCharsets.UTF_8)));
    }

    public static Ed25519.KeyPair key(String name) {
        return Ed25519.fromPrivateKey(bytes(name));
    }

    public static String kid(Ed25519.KeyPair key) {
        return Ed25519.keyId(key.publicKey());
    }

    public static PublicKeyInfo current(Ed25519.KeyPair key, Instant from) {
        return PublicKeyInfo.of(key.publicKey(), from, Optional.empty());
    }

    public static Instant at(long seq) {
        return START.plus(Duration.ofMinutes(seq - 1));
    }

    public static String requestSha256(long seq) {
        return CanonicalJson.sha256Hex("{\"request\":" + seq + "}");
    }

    /** The payload of record {@code seq} of {@code count}: created, qualifications, bids, and the reveal last. */
    public static Payload payload(long seq, long count, boolean reveal, byte[] revealedSeed) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        if (seq == 1) {
            p.put("seedCommitment", Randomness.commitment(SEED));
            p.put("actor", "pta-regulator");
            p.put("requestSha256", requestSha256(seq));
            return new Payload("AUCTION_CREATED", p);
        }
        if (reveal && seq == count) {
            p.put("seed", Randomness.hex(revealedSeed));
            return new Payload("SEED_REVEALED", p);
        }
        if (seq <= 4) {
            p.put("bidder", "bidder-" + seq);
            p.put("actor", "pta-regulator");
            p.put("requestSha256", requestSha256(seq));
            return new Payload("BIDDER_QUALIFIED", p);
        }
        p.put("actor", "jazz-desk");
        p.put("round", (seq - 5) / 3 + 1);
        p.put("amount", 1_000_000L * seq);
        p.put("note", "bid — ñ \"quoted\"");
        p.put("requestSha256", requestSha256(seq));
        return new Payload("BID_RECEIVED", p);
    }

    /** {@code count} chained records of {@link #CHAIN}, the last one revealing {@link #SEED} if {@code reveal}. */
    public static List<TranscriptRecord> records(int count, boolean reveal) {
        return records(count, reveal, SEED);
    }

    public static List<TranscriptRecord> records(int count, boolean reveal, byte[] revealedSeed) {
        List<TranscriptRecord> records = new ArrayList<>();
        String prev = TranscriptRecord.GENESIS;
        for (long seq = 1; seq <= count; seq++) {
            Payload p = payload(seq, count, reveal, revealedSeed);
            TranscriptRecord record = new TranscriptRecord(CHAIN, seq, prev, p.type(), PublicKeyInfo.format(at(seq)),
                    p.body());
            records.add(record);
            prev = record.hash();
        }
        return records;
    }

    /** Signs each record with the key {@code signer} chooses for it. */
    public static List<SignedRecord> sign(List<TranscriptRecord> records,
                                          Function<TranscriptRecord, Ed25519.KeyPair> signer) {
        return records.stream().map(r -> {
            Ed25519.KeyPair key = signer.apply(r);
            return SignedRecord.sign(r, kid(key), key.privateKey());
        }).toList();
    }

    /** A receipt for record {@code record}, signed by {@code key}. */
    public static Receipt receipt(SignedRecord record, String requestSha256, String recordHash, Ed25519.KeyPair key) {
        Receipt unsigned = new Receipt(AUCTION, Optional.of("allocation"), Optional.of(1),
                record.record().payload().path("actor").asString("jazz-desk"),
                requestSha256, record.record().chain(), record.record().seq(), recordHash,
                record.record().at(), kid(key), "");
        String signature = Ed25519.base64(Ed25519.sign(key.privateKey(), Signatures.receipt(unsigned.canonicalBody())));
        return new Receipt(unsigned.auction(), unsigned.stage(), unsigned.round(), unsigned.actor(),
                unsigned.requestSha256(), unsigned.chain(), unsigned.seq(), unsigned.recordHash(),
                unsigned.serverTime(), unsigned.kid(), signature);
    }

    public static Receipt receipt(SignedRecord record, Ed25519.KeyPair key) {
        return receipt(record, record.record().payload().path("requestSha256").asString(), record.hash(), key);
    }
}
