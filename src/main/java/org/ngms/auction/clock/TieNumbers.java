package org.ngms.auction.clock;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tie numbers for one round: HMAC-SHA-256(seed, {@link ClockProcessor#tieContext}), the same bytes as
 * {@link org.ngms.audit.Randomness#derive} but with one keyed MAC reused for the whole round (a fresh MAC per bid
 * costs more than processing the bid).
 */
final class TieNumbers {

    private final Mac mac;
    private final String prefix;

    TieNumbers(byte[] seed, String stage, int round) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        prefix = "clock/" + stage + "/round/" + round + "/bid/";
    }

    byte[] of(String bidder, String product) {
        return mac.doFinal((prefix + bidder + "/" + product).getBytes(StandardCharsets.UTF_8));
    }
}
