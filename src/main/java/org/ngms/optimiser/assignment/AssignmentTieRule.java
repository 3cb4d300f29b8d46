package org.ngms.optimiser.assignment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seeded rule among assignments of equal, greatest value in one market. An observer holding the revealed seed
 * recomputes it as follows.
 *
 * <ol>
 * <li>Every (winner, option) pair gets a tie number: HMAC-SHA-256 keyed with the seed over the UTF-8 bytes of
 * {@code context + "/" + bidder + "/" + optionId}, the 32 bytes read as an unsigned big-endian integer. Ids never
 * contain '/', so the message names one pair only.</li>
 * <li>Within a winner, option x ranks above option y when its tie number is greater; should two numbers be equal
 * (a chance of 2⁻²⁵⁶), the option whose id comes first in UTF-8 byte order ranks above.</li>
 * <li>Winners are taken in ascending UTF-8 byte order of their bidder ids (the market's listing order plays no
 * part). Among the optimal assignments, the first winner gets its highest-ranked option that appears in any of them;
 * among the optimal assignments that give it that option, the second winner gets its highest-ranked option that
 * appears in any of them; and so on to the last winner.</li>
 * </ol>
 * Equivalently: list the optimal assignments' options in that winner order and pick the list that is greatest,
 * comparing first the first winner's rank, then the second's, and so on. Unbid options count 0 like any other, so
 * with no bids at all the rule alone chooses among every complete assignment.
 */
public record AssignmentTieRule(byte[] seed, String context) {

    /** Bidder and option ids in ascending order of their UTF-8 bytes (for ids, the order of Unicode code points). */
    public static final Comparator<String> ID_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    public AssignmentTieRule {
        if (seed == null || seed.length == 0) {
            throw new IllegalArgumentException("a tie seed must have at least one byte");
        }
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("tie context must not be blank: " + context);
        }
        seed = seed.clone();
    }

    @Override
    public byte[] seed() {
        return seed.clone();
    }

    /** The tie number of one option of one winner: HMAC-SHA-256(seed, context/bidder/optionId), 32 bytes. */
    public byte[] tieNumber(String bidder, String optionId) {
        return mac().doFinal(message(bidder, optionId));
    }

    byte[] message(String bidder, String optionId) {
        return (context + "/" + bidder + "/" + optionId).getBytes(StandardCharsets.UTF_8);
    }

    /** A MAC keyed with the seed, to compute many tie numbers with one key set-up. */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssignmentTieRule t && Arrays.equals(seed, t.seed) && context.equals(t.context);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seed) + Objects.hashCode(context);
    }

    @Override
    public String toString() {
        return "AssignmentTieRule[" + HexFormat.of().formatHex(seed) + ", " + context + "]";
    }
}
