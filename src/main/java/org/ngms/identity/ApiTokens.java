package org.ngms.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.ngms.shared.CanonicalJson;

/**
 * API tokens: 256 random bits from the platform's strong generator, written {@code ngms_<43 base64url chars>}.
 * Only the SHA-256 of a token is stored; the token itself is shown once, when it is issued.
 */
public final class ApiTokens {

    public static final String PREFIX = "ngms_";

    /** The shortest token the service accepts: 32 characters (192 bits of base64url) after any prefix. */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return CanonicalJson.sha256Hex(token);
    }

    /** Whether text can be a token at all: printable, no spaces, long enough; checked before any lookup. */
    public static boolean isWellFormed(String token) {
        return token != null && token.length() >= MIN_LENGTH && token.length() <= 256
                && token.chars().allMatch(c -> c > 32 && c < 127);
    }
}
