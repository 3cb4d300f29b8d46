package org.ngms.audit;

import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed acknowledgement of an accepted request: which auction (and stage and round, where there is one), who
 * acted, the SHA-256 of the canonical request, the transcript record that recorded it ({@code chain}, {@code seq},
 * {@code recordHash}), and the server's time. The signature covers the canonical JSON of every field but
 * {@code kid} and {@code signature}. With it, the submitter can later prove exactly what it submitted and when.
 */
public record Receipt(String auction, Optional<String> stage, Optional<Integer> round, String actor,
                      String requestSha256, String chain, long seq, String recordHash, String serverTime, String kid,
                      String signature) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Receipt {
        Objects.requireNonNull(auction, "auction");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestSha256, "requestSha256");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(recordHash, "recordHash");
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(signature, "signature");
    }

    /** The signed part. */
    public ObjectNode body() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", "ngms-receipt/1");
        o.put("auction", auction);
        stage.ifPresent(s -> o.put("stage", s));
        round.ifPresent(r -> o.put("round", r));
        o.put("actor", actor);
        o.put("requestSha256", requestSha256);
        o.put("chain", chain);
        o.put("seq", seq);
        o.put("recordHash", recordHash);
        o.put("serverTime", serverTime);
        return o;
    }

    public String canonicalBody() {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(body()));
    }

    public ObjectNode toJson() {
        ObjectNode o = body();
        o.put("kid", kid);
        o.put("signature", signature);
        return o;
    }

    /** Reads a receipt from its JSON form; throws IllegalArgumentException naming what is wrong. */
    public static Receipt fromJson(JsonNode n) {
        if (n == null || !n.isObject() || !"ngms-receipt/1".equals(n.path("format").asString(""))) {
            throw new IllegalArgumentException("not an ngms-receipt/1");
        }
        for (String field : new String[] {"auction", "actor", "requestSha256", "chain", "seq", "recordHash",
                "serverTime", "kid", "signature"}) {
            if (!n.has(field)) {
                throw new IllegalArgumentException("a receipt needs " + field);
            }
        }
        return new Receipt(n.get("auction").asString(),
                n.has("stage") ? Optional.of(n.get("stage").asString()) : Optional.empty(),
                n.has("round") ? Optional.of(n.get("round").intValue()) : Optional.empty(),
                n.get("actor").asString(), n.get("requestSha256").asString(), n.get("chain").asString(),
                n.get("seq").longValue(), n.get("recordHash").asString(), n.get("serverTime").asString(),
                n.get("kid").asString(), n.get("signature").asString());
    }
}
