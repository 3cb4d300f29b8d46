package org.ngms.auction.smra;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tie numbers for one round: HMAC-SHA-256(seed, {@link SmraRules#tieContext}), the same bytes as
 * {@link org.ngms.audit.Randomness#derive} but with one keyed MAC reused for the whole round.
 */
final class SmraTieNumbers {

    private final Mac mac;
    private final String prefix;

    SmraTieNumbers(byte[] seed, String stage, int round) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        prefix = "smra/" + stage + "/round/" + round + "/bid/";
    }

    byte[] of(String bidder, String licence) {
        return mac.doFinal((prefix + bidder + "/" + licence).getBytes(StandardCharsets.UTF_8));
    }
}
