package org.ngms.identity.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.ngms.identity.Account;
import org.ngms.identity.ApiTokens;
import org.ngms.identity.Role;
import org.ngms.identity.SecurityEventType;
import org.ngms.identity.persistence.AccountStore;
import org.ngms.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * On the first start with no accounts, creates the {@code regulator} account and one credential for it, so that the
 * operator of the service can create the real accounts. The token comes from {@code NGMS_BOOTSTRAP_TOKEN}
 * ({@code ngms.bootstrap.token}) when set, else it is generated and written to a file only its owner can read. It is
 * never logged.
 */
@Component
@Order(1)
public class BootstrapCredential implements ApplicationRunner {

    public static final String ACCOUNT = "regulator";
    private static final Logger log = LoggerFactory.getLogger(BootstrapCredential.class);

    private final AccountStore accounts;
    private final SecurityEventLog events;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final String configuredToken;
    private final Path tokenFile;

    public BootstrapCredential(AccountStore accounts, SecurityEventLog events, TransactionalOperator transaction,
                               Clock clock, @Value("${ngms.bootstrap.token:}") String configuredToken,
                               @Value("${ngms.bootstrap.token-file:data/bootstrap-regulator.token}") Path tokenFile) {
        this.accounts = accounts;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.configuredToken = configuredToken.strip();
        this.tokenFile = tokenFile.toAbsolutePath().normalize();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredToken.isEmpty() && !ApiTokens.isWellFormed(configuredToken)) {
            throw new IllegalStateException("NGMS_BOOTSTRAP_TOKEN must be at least " + ApiTokens.MIN_LENGTH
                    + " printable characters without spaces");
        }
        String token = configuredToken.isEmpty() ? ApiTokens.generate() : configuredToken;
        Boolean created = accounts.lockBootstrap()
                .then(accounts.count())
                .flatMap(n -> n > 0 ? Mono.just(false) : create(token)
                        .then(Mono.fromRunnable(() -> writeTokenFileIfGenerated(token)))
                        .thenReturn(true))
                .as(transaction::transactional)
                .block(Duration.ofSeconds(30));
        if (Boolean.TRUE.equals(created)) {
            announce();
        }
    }

    private Mono<Void> create(String token) {
        var now = clock.instant();
        Account regulator = new Account(ACCOUNT, Role.REGULATOR, Optional.empty(), "Bootstrap regulator", now);
        UUID id = UUID.randomUUID();
        return accounts.insert(regulator)
                .then(accounts.insertToken(id, ACCOUNT, ApiTokens.hash(token), "bootstrap", now,
                        now.plus(AccountService.MAX_TOKEN_LIFETIME)))
                .then(events.record(SecurityEventType.BOOTSTRAP_CREDENTIAL_CREATED, Optional.of(ACCOUNT), null, null,
                        null, "token " + id + (configuredToken.isEmpty() ? " written to " + tokenFile
                                : " taken from NGMS_BOOTSTRAP_TOKEN")));
    }

    /** Written inside the transaction: if the file cannot be written, no account is created and the start fails. */
    private void writeTokenFileIfGenerated(String token) {
        if (configuredToken.isEmpty()) {
            writeOwnerOnly(token);
        }
    }

    private void announce() {
        if (!configuredToken.isEmpty()) {
            log.warn("Created the bootstrap regulator account '{}' with the token from NGMS_BOOTSTRAP_TOKEN", ACCOUNT);
            return;
        }
        log.warn("Created the bootstrap regulator account '{}'. Its token is in {} (readable only by its owner): "
                + "read it once, create named accounts, then revoke it and delete the file.", ACCOUNT, tokenFile);
    }

    private void writeOwnerOnly(String token) {
        try {
            Files.deleteIfExists(tokenFile);
            OwnerOnlyFiles.createNew(tokenFile, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap token to " + tokenFile, e);
        }
    }
}
