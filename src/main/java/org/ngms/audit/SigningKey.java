package org.ngms.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A service signing key: its id, the raw Ed25519 key pair, and its validity. Only the public half ever leaves the
 * service.
 */
public record SigningKey(String kid, Ed25519.KeyPair keys, Instant validFrom, Optional<Instant> validUntil) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(keys.privateKey(), message);
    }

    public String publicKeyBase64() {
        return Ed25519.base64(keys.publicKey());
    }
}
