package org.ngms.audit.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ngms.audit.Ed25519;
import org.ngms.audit.Instants;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.SigningKey;
import org.ngms.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service's Ed25519 signing keys. Public keys, with ids and validity, are rows of {@code signing_key}; each
 * private key is a PKCS#8 PEM file {@code <kid>.pem} in the key directory, encrypted with
 * {@code NGMS_SIGNING_KEY_PASSPHRASE} when set. On the first start the key is imported from
 * {@code ngms.signing.import-key-file} if given, else generated. Rotation keeps every old public key, so old signatures
 * still verify.
 */
@Component
@Order(0)
public class SigningKeyring implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyring.class);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Path keyDir;
    private final char[] passphrase;
    private final Optional<Path> importFile;
    private final Map<String, SigningKey> loaded = new ConcurrentHashMap<>();

    public SigningKeyring(DatabaseClient db, TransactionalOperator transaction, Clock clock,
                          @Value("${ngms.signing.key-dir:data/keys}") Path keyDir,
                          @Value("${ngms.signing.passphrase:}") String passphrase,
                          @Value("${ngms.signing.import-key-file:}") String importFile) {
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.keyDir = keyDir.toAbsolutePath().normalize();
        this.passphrase = passphrase.toCharArray();
        this.importFile = importFile.isBlank() ? Optional.empty() : Optional.of(Path.of(importFile));
    }

    /** Makes sure a current key exists before the service accepts requests. */
    @Override
    public void run(ApplicationArguments args) {
        Mono.defer(this::ensureCurrentKey).as(transaction::transactional).block(Duration.ofSeconds(30));
        if (passphrase.length == 0) {
            log.warn("NGMS_SIGNING_KEY_PASSPHRASE is not set: the signing key in {} is stored unencrypted "
                    + "(readable only by its owner). Set a passphrase for production.", keyDir);
        }
    }

    private Mono<SigningKey> ensureCurrentKey() {
        return db.sql("select pg_advisory_xact_lock(hashtext('ngms:signing-keys'))").fetch().rowsUpdated()
                .then(currentRow().map(this::load).switchIfEmpty(Mono.defer(this::createFirstKey)));
    }

    private Mono<SigningKey> createFirstKey() {
        Ed25519.KeyPair keys = importFile.map(this::importKey).orElseGet(() -> Ed25519.generate(new SecureRandom()));
        Instant now = Instants.millis(clock.instant());
        SigningKey key = new SigningKey(Ed25519.keyId(keys.publicKey()), keys, now, Optional.empty());
        writePem(key);
        log.info("Signing key {} {} (public key {})", key.kid(), importFile.isPresent() ? "imported" : "generated",
                key.publicKeyBase64());
        return insert(key).thenReturn(key);
    }

    private Ed25519.KeyPair importKey(Path file) {
        try {
            return PemKeys.read(Files.readString(file, StandardCharsets.UTF_8), passphrase);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + file, e);
        }
    }

    /**
     * The key that signs now. Read under a share lock, so a rotation waits for appends that use the old key and
     * later appends see the new one.
     */
    public Mono<SigningKey> current() {
        return currentRow().repeatWhenEmpty(3, attempts -> attempts)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no current signing key")))
                .map(this::load);
    }

    private Mono<KeyRow> currentRow() {
        return db.sql("select * from signing_key where valid_until is null for share")
                .map(KeyRow::of)
                .one();
    }

    /** Locks the current key for a rotation. */
    Mono<SigningKey> lockCurrentForRotation() {
        return db.sql("select * from signing_key where valid_until is null for update")
                .map(KeyRow::of)
                .one()
                .map(this::load);
    }

    /** Ends the old key's validity at {@code at} and makes {@code keys} the current key from then. */
    Mono<SigningKey> replace(SigningKey old, Ed25519.KeyPair keys, Instant at) {
        SigningKey next = new SigningKey(Ed25519.keyId(keys.publicKey()), keys, at, Optional.empty());
        writePem(next);
        return db.sql("update signing_key set valid_until = :at where kid = :kid")
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("kid", old.kid())
                .fetch().rowsUpdated()
                .then(insert(next))
                .thenReturn(next);
    }

    public Flux<PublicKeyInfo> publicKeys() {
        return db.sql("select * from signing_key order by valid_from, kid")
                .map(row -> new PublicKeyInfo(row.get("kid", String.class), row.get("algorithm", String.class),
                        row.get("public_key", String.class), row.get("valid_from", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.get("valid_until", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .all();
    }

    private Mono<Void> insert(SigningKey key) {
        return db.sql("""
                        insert into signing_key (kid, algorithm, public_key, valid_from)
                        values (:kid, :algorithm, :publicKey, :validFrom)
                        """)
                .bind("kid", key.kid())
                .bind("algorithm", Ed25519.ALGORITHM)
                .bind("publicKey", key.publicKeyBase64())
                .bind("validFrom", OffsetDateTime.ofInstant(key.validFrom(), ZoneOffset.UTC))
                .fetch().rowsUpdated().then();
    }

    private SigningKey load(KeyRow row) {
        String kid = row.kid();
        return loaded.computeIfAbsent(kid, k -> {
            Path file = keyDir.resolve(k + ".pem");
            Ed25519.KeyPair keys;
            try {
                keys = PemKeys.read(Files.readString(file, StandardCharsets.UTF_8), passphrase);
            } catch (IOException e) {
                throw new UncheckedIOException("the private key of signing key " + k + " is missing from " + keyDir
                        + "; every instance needs the key directory", e);
            }
            if (!Ed25519.base64(keys.publicKey()).equals(row.publicKey())) {
                throw new IllegalStateException("the key file " + file + " does not match signing key " + k);
            }
            return new SigningKey(k, keys, row.validFrom().toInstant(), Optional.empty());
        });
    }

    private void writePem(SigningKey key) {
        try {
            OwnerOnlyFiles.createNew(keyDir.resolve(key.kid() + ".pem"), PemKeys.write(key.keys(), passphrase));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key to " + keyDir, e);
        }
    }

    /** The columns of a key row, copied out of the driver's row while it is valid. */
    private record KeyRow(String kid, String publicKey, OffsetDateTime validFrom) {
        static KeyRow of(Readable row) {
            return new KeyRow(row.get("kid", String.class), row.get("public_key", String.class),
                    row.get("valid_from", OffsetDateTime.class));
        }
    }
}
