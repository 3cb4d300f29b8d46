package org.ngms.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A public signing key as published at {@code GET /api/v1/keys} and in a bundle header:
 * <pre>{"kid":"a1b2c3d4e5f60718","algorithm":"Ed25519","publicKey":"&lt;base64 of 32 bytes&gt;",
 *  "validFrom":"2026-03-01T00:00:00.000Z","validUntil":"2026-06-01T00:00:00.000Z"}</pre>
 * {@code kid} must be the key id of {@code publicKey} (first 16 hex digits of its SHA-256), so a key cannot be
 * published under another key's name. {@code validUntil} is absent for the current key. Instants are kept at
 * millisecond precision, as everywhere in the transcript; a key signs records with
 * {@code validFrom ≤ at ≤ validUntil}.
 */
public record PublicKeyInfo(String kid, String algorithm, String publicKey, Instant validFrom,
                            Optional<Instant> validUntil) {

    public PublicKeyInfo {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!Ed25519.ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("algorithm must be Ed25519: " + algorithm);
        }
        byte[] raw = Ed25519.fromBase64(publicKey);
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("publicKey must be base64 of 32 bytes: " + publicKey);
        }
        if (!Ed25519.keyId(raw).equals(kid)) {
            throw new IllegalArgumentException("kid " + kid + " is not the key id of its public key ("
                    + Ed25519.keyId(raw) + ")");
        }
        validFrom = validFrom.truncatedTo(ChronoUnit.MILLIS);
        validUntil = validUntil.map(t -> t.truncatedTo(ChronoUnit.MILLIS));
        if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + format(validUntil.get()) + " is before validFrom "
                    + format(validFrom));
        }
    }

    /** The published form of a raw 32-byte Ed25519 public key; the key id is computed. */
    public static PublicKeyInfo of(byte[] publicKey, Instant validFrom, Optional<Instant> validUntil) {
        return new PublicKeyInfo(Ed25519.keyId(publicKey), Ed25519.ALGORITHM, Ed25519.base64(publicKey), validFrom,
                validUntil);
    }

    /** The same key, retired at {@code until} (as after a rotation). */
    public PublicKeyInfo retiredAt(Instant until) {
        return new PublicKeyInfo(kid, algorithm, publicKey, validFrom, Optional.of(until));
    }

    public byte[] publicKeyBytes() {
        return Ed25519.fromBase64(publicKey);
    }

    /** Whether the key may sign at {@code at}: {@code validFrom ≤ at ≤ validUntil} (an absent end is open). */
    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && validUntil.map(until -> !at.isAfter(until)).orElse(true);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kid", kid);
        o.put("algorithm", algorithm);
        o.put("publicKey", publicKey);
        o.put("validFrom", format(validFrom));
        validUntil.ifPresent(t -> o.put("validUntil", format(t)));
        return o;
    }

    /** Reads one key; throws IllegalArgumentException naming what is wrong. */
    public static PublicKeyInfo fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a key must be a JSON object");
        }
        for (String field : new String[] {"kid", "algorithm", "publicKey", "validFrom"}) {
            if (!n.has(field) || !n.get(field).isString()) {
                throw new IllegalArgumentException("a key needs " + field + " as a string");
            }
        }
        if (n.has("validUntil") && !n.get("validUntil").isString()) {
            throw new IllegalArgumentException("validUntil must be a string");
        }
        return new PublicKeyInfo(n.get("kid").stringValue(), n.get("algorithm").stringValue(),
                n.get("publicKey").stringValue(), parseInstant("validFrom", n.get("validFrom").stringValue()),
                n.has("validUntil")
                        ? Optional.of(parseInstant("validUntil", n.get("validUntil").stringValue()))
                        : Optional.empty());
    }

    /** The document served at {@code GET /api/v1/keys}: {@code {"keys":[…]}}. */
    public static ObjectNode keysDocument(List<PublicKeyInfo> keys) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("keys", toJsonArray(keys));
        return o;
    }

    public static ArrayNode toJsonArray(List<PublicKeyInfo> keys) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        keys.forEach(k -> array.add(k.toJson()));
        return array;
    }

    /** Reads {@code {"keys":[…]}}; throws IllegalArgumentException naming the key and what is wrong. */
    public static List<PublicKeyInfo> fromKeysDocument(JsonNode document) {
        if (document == null || !document.isObject() || !document.path("keys").isArray()) {
            throw new IllegalArgumentException("a keys document is {\"keys\":[…]}");
        }
        return fromJsonArray(document.get("keys"));
    }

    /** Reads a JSON array of keys; a key id may appear only once. */
    public static List<PublicKeyInfo> fromJsonArray(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("keys must be a JSON array");
        }
        List<PublicKeyInfo> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            PublicKeyInfo key;
            try {
                key = fromJson(array.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("keys[" + i + "]: " + e.getMessage(), e);
            }
            if (!kids.add(key.kid())) {
                throw new IllegalArgumentException("keys[" + i + "]: key id " + key.kid() + " appears twice");
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    /** An instant as the transcript writes it: UTC, millisecond precision, e.g. {@code 2026-03-01T09:00:00.123Z}. */
    public static String format(Instant instant) {
        return Instants.format(instant);
    }

    /** Parses an ISO-8601 instant; throws IllegalArgumentException naming the field. */
    public static Instant parseInstant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + text, e);
        }
    }
}
