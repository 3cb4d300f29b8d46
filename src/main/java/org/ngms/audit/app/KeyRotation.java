package org.ngms.audit.app;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.ngms.audit.Chains;
import org.ngms.audit.Ed25519;
import org.ngms.audit.KeyRotated;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.SigningKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Mono;

/**
 * Rotates the signing key. The rotation record, naming the new public key, is the last record the old key signs;
 * the old key's validity ends at that record's time and the new key's begins there. The current key row is locked for
 * the rotation, so appends on other chains that still sign with the old key finish first. Old public keys stay published.
 */
@Service
public class KeyRotation {

    private final SigningKeyring keys;
    private final AuditTrail audit;

    public KeyRotation(SigningKeyring keys, AuditTrail audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Transactional
    public Mono<PublicKeyInfo> rotate(String actor) {
        return keys.lockCurrentForRotation()
                .flatMap(old -> {
                    Ed25519.KeyPair fresh = Ed25519.generate(new SecureRandom());
                    return record(actor, old, fresh)
                            .flatMap(record -> keys.replace(old, fresh, Instant.parse(record.record().at())))
                            .map(next -> PublicKeyInfo.of(next.keys().publicKey(), next.validFrom(),
                                    Optional.empty()));
                });
    }

    private Mono<SignedRecord> record(String actor, SigningKey old, Ed25519.KeyPair fresh) {
        return audit.appendSignedBy(Chains.SERVICE, actor, new KeyRotated(old.kid(), Ed25519.keyId(fresh.publicKey()),
                fresh.publicKey()), old);
    }
}
