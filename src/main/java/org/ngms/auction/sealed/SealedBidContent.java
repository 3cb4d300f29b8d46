package org.ngms.auction.sealed;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a sealed bid commits to: the canonical JSON of {@code {"auction","stage","bidder","version","bid","salt"}}.
 * The commitment is its SHA-256; the 128-bit random salt makes the commitment of a small bid (a demand of a few
 * blocks) impossible to guess. The commitment is published at submission, the content at opening.
 */
public record SealedBidContent(String auction, String stage, String bidder, int version, JsonNode bid, String salt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static SealedBidContent withFreshSalt(String auction, String stage, String bidder, int version,
                                                 JsonNode bid) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new SealedBidContent(auction, stage, bidder, version, bid, HexFormat.of().formatHex(salt));
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode()
                .put("auction", auction)
                .put("stage", stage)
                .put("bidder", bidder)
                .put("version", version)
                .put("salt", salt);
        o.set("bid", bid);
        return o;
    }

    public String canonicalJson() {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(toJson()));
    }

    public String commitment() {
        return CanonicalJson.sha256Hex(canonicalJson());
    }

    public byte[] bytes() {
        return canonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the content back from its bytes (after opening). */
    public static SealedBidContent fromBytes(byte[] bytes) {
        JsonNode n = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        return new SealedBidContent(n.get("auction").asString(), n.get("stage").asString(),
                n.get("bidder").asString(), n.get("version").intValue(), n.get("bid"), n.get("salt").asString());
    }

    /** The associated data that binds a ciphertext to its place: auction, stage, bidder, version. */
    public static byte[] associatedData(String auction, String stage, String bidder, int version) {
        return (auction + "/" + stage + "/" + bidder + "/" + version).getBytes(StandardCharsets.UTF_8);
    }
}
