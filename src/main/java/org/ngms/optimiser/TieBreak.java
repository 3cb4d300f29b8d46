package org.ngms.optimiser;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seeded rule among optimal allocations: each bid gets a tie number, the first 40 bits of
 * HMAC-SHA256(seed, bid id in UTF-8) read as an unsigned integer, and among the allocations of greatest value the
 * one whose winning bids have the greatest sum of tie numbers wins. The seed is the auction's committed seed, so
 * anyone holding it recomputes the same winners.
 */
public record TieBreak(byte[] seed) {

    /** The seed used when a caller gives none: one zero byte. */
    public static final TieBreak DEFAULT = new TieBreak(new byte[] {0});

    public TieBreak {
        if (seed == null || seed.length == 0) {
            throw new IllegalArgumentException("a tie-break seed must have at least one byte");
        }
        seed = seed.clone();
    }

    public static TieBreak ofHex(String hex) {
        try {
            return new TieBreak(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seed must be hexadecimal with an even number of digits: " + hex);
        }
    }

    @Override
    public byte[] seed() {
        return seed.clone();
    }

    public long tieNumber(String bidId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            byte[] digest = mac.doFinal(bidId.getBytes(StandardCharsets.UTF_8));
            long number = 0;
            for (int i = 0; i < 5; i++) {
                number = (number << 8) | (digest[i] & 0xff);
            }
            return number;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TieBreak t && java.util.Arrays.equals(seed, t.seed);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
        return "TieBreak[" + HexFormat.of().formatHex(seed) + "]";
    }
}
