package org.ngms.audit;

import java.util.Objects;

import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of a hash-chained transcript: the {@code seq}-th event of {@code chain}, linked to the hash of the entry
 * before it ({@code prev}; 64 zeros for the first). Its hash is the SHA-256 of its canonical JSON (RFC 8785):
 * <pre>{"at":"…","chain":"…","payload":{…},"prev":"…","seq":n,"type":"…"}</pre>
 * {@code at} is an ISO-8601 instant in UTC with millisecond precision.
 */
public record TranscriptRecord(String chain, long seq, String prev, String type, String at, JsonNode payload) {

    private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TranscriptRecord {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        if (!HEX64.matcher(prev).matches()) {
            throw new IllegalArgumentException("prev must be 64 lower-case hex digits: " + prev);
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object");
        }
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("chain", chain);
        o.put("seq", seq);
        o.put("prev", prev);
        o.put("type", type);
        o.put("at", at);
        o.set("payload", payload);
        return o;
    }

    /** The bytes that are hashed: the record's canonical JSON. */
    public String canonicalJson() {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(toJson()));
    }

    /** The canonical JSON (RFC 8785) of a payload, as it appears inside its record's canonical JSON. */
    public static String canonicalPayload(JsonNode payload) {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(payload));
    }

    /**
     * The record's canonical JSON from its payload's canonical JSON ({@link #canonicalPayload}), without
     * canonicalising the payload again: RFC 8785 writes an object's members in order of their names, each value in
     * its own canonical form, so the record's canonical JSON is its other members' with {@code "payload":…} between
     * {@code chain} and {@code prev}. Equal to {@link #canonicalJson()} (tested).
     */
    public String canonicalJson(String canonicalPayload) {
        ObjectNode rest = toJson();
        rest.remove("payload");
        String others = CanonicalJson.canonicalize(JSON.writeValueAsString(rest));
        int prevMember = others.indexOf(",\"prev\":");
        if (prevMember < 0) {
            throw new IllegalStateException("no prev member in " + others);
        }
        return others.substring(0, prevMember) + ",\"payload\":" + canonicalPayload + others.substring(prevMember);
    }

    public String hash() {
        return CanonicalJson.sha256Hex(canonicalJson());
    }

    /** Reads a record from its JSON form (as in a bundle); throws IllegalArgumentException naming what is wrong. */
    public static TranscriptRecord fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a record must be a JSON object");
        }
        for (String field : new String[] {"chain", "seq", "prev", "type", "at", "payload"}) {
            if (!node.has(field)) {
                throw new IllegalArgumentException("a record needs " + field);
            }
        }
        if (node.size() != 6) {
            throw new IllegalArgumentException("a record has exactly chain, seq, prev, type, at and payload");
        }
        if (!node.get("seq").isIntegralNumber()) {
            throw new IllegalArgumentException("seq must be a whole number");
        }
        // a number or object read as text would hash differently from the record as written
        for (String field : new String[] {"chain", "prev", "type", "at"}) {
            if (!node.get(field).isString()) {
                throw new IllegalArgumentException(field + " must be a string");
            }
        }
        return new TranscriptRecord(node.get("chain").asString(), node.get("seq").longValue(),
                node.get("prev").asString(), node.get("type").asString(), node.get("at").asString(),
                node.get("payload"));
    }
}
