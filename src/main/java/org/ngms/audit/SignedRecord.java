package org.ngms.audit;

import java.util.Objects;
import java.util.Set;

import org.ngms.shared.CanonicalJson;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record line of a published bundle: the record, its {@code hash} (hex SHA-256 of its canonical JSON), and the
 * Ed25519 {@code signature} of {@code ngms-transcript-record/1:<hash>} by key {@code kid}:
 * <pre>{"hash":"…","kid":"…","record":{…},"signature":"…"}</pre>
 * The record type holds what the line says; whether the hash and the signature are right is for the verifier to
 * decide ({@link #hashMatches()}, {@link #signatureValid(byte[])}).
 */
public record SignedRecord(TranscriptRecord record, String hash, String kid, String signature) {

    private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    /** Duplicate keys would make a line mean two things; the reader refuses them. */
    public static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> FIELDS = Set.of("record", "hash", "kid", "signature");

    public SignedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(signature, "signature");
        if (!HEX64.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits: " + hash);
        }
    }

    /** Hashes and signs a record with the private key of {@code kid}. */
    public static SignedRecord sign(TranscriptRecord record, String kid, byte[] privateKey) {
        return sign(record, record.canonicalJson(), kid, privateKey);
    }

    /**
     * As {@link #sign(TranscriptRecord, String, byte[])}, with the record's canonical JSON already computed (by
     * {@link TranscriptRecord#canonicalJson}): the writer that stores those bytes canonicalises a record once, not
     * once for the hash and again for the row (a round's result record is megabytes at FCC size).
     */
    public static SignedRecord sign(TranscriptRecord record, String canonicalJson, String kid, byte[] privateKey) {
        String hash = CanonicalJson.sha256Hex(canonicalJson);
        return new SignedRecord(record, hash, kid, Ed25519.base64(Ed25519.sign(privateKey, Signatures.record(hash))));
    }

    /** Whether {@code hash} is the SHA-256 of the record's canonical JSON. */
    public boolean hashMatches() {
        return record.hash().equals(hash);
    }

    /** Whether {@code signature} is a valid Ed25519 signature of the record message by this public key. */
    public boolean signatureValid(byte[] publicKey) {
        return Ed25519.verify(publicKey, Signatures.record(hash), Ed25519.fromBase64(signature));
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("record", record.toJson());
        o.put("hash", hash);
        o.put("kid", kid);
        o.put("signature", signature);
        return o;
    }

    /** The bundle line: the canonical JSON of {@link #toJson()}, so the record's bytes inside it are the hashed ones. */
    public String toJsonLine() {
        return CanonicalJson.canonicalize(STRICT_JSON.writeValueAsString(toJson()));
    }

    /** Reads a record line's object; throws IllegalArgumentException naming what is wrong. */
    public static SignedRecord fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a record line must be a JSON object");
        }
        for (String field : FIELDS) {
            if (!n.has(field)) {
                throw new IllegalArgumentException("a record line needs " + field);
            }
        }
        if (n.size() != FIELDS.size()) {
            throw new IllegalArgumentException("a record line has exactly record, hash, kid and signature");
        }
        for (String field : new String[] {"hash", "kid", "signature"}) {
            if (!n.get(field).isString()) {
                throw new IllegalArgumentException(field + " must be a string");
            }
        }
        return new SignedRecord(TranscriptRecord.fromJson(n.get("record")), n.get("hash").stringValue(),
                n.get("kid").stringValue(), n.get("signature").stringValue());
    }

    /** Reads a bundle line; throws IllegalArgumentException for text that is not one JSON object or not a record. */
    public static SignedRecord fromJsonLine(String line) {
        return fromJson(parse(line));
    }

    /** Parses one JSON text strictly (no duplicate keys, nothing after the value). */
    public static JsonNode parse(String text) {
        try {
            return STRICT_JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
