package org.ngms.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ngms.shared.CanonicalJson;

/**
 * Committed randomness. Each auction draws a 256-bit secret seed when it is created and publishes only
 * SHA-256(seed) before any bid; every random choice is HMAC-SHA-256(seed, context), so once the seed is revealed at the
 * close anyone can recompute every tie-break.
 */
public final class Randomness {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    public static byte[] newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /** The public commitment to a seed: lower-case hex SHA-256 of its 32 bytes. */
    public static String commitment(byte[] seed) {
        return CanonicalJson.sha256Hex(seed);
    }

    /** HMAC-SHA-256(seed, UTF-8 context), e.g. context {@code "clock/round/3/bid/jazz-17"}. */
    public static byte[] derive(byte[] seed, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac.doFinal(context.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
