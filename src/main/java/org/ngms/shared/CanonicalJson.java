package org.ngms.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The one encoder whose bytes are hashed and signed: RFC 8785 (JSON Canonicalization Scheme) through the
 * reference Java implementation, UTF-8, then SHA-256 in lower-case hex.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Canonical form of a JSON text: sorted keys, no whitespace, RFC 8785 strings and numbers. */
    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException("not canonicalisable JSON", e);
        }
    }

    public static String sha256Hex(String canonicalJson) {
        return sha256Hex(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
