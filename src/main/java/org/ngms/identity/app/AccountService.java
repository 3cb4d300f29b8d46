package org.ngms.identity.app;

import org.ngms.shared.Refused;
import org.ngms.shared.CommonReason;
import org.ngms.identity.IdentityReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.ngms.identity.Account;
import org.ngms.identity.ApiTokens;
import org.ngms.identity.Role;
import org.ngms.identity.SecurityEventType;
import org.ngms.identity.persistence.AccountStore;
import org.ngms.identity.persistence.AccountStore.TokenRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Mono;

/**
 * Accounts and credentials. Each change and its security event are written in one transaction. A token is returned
 * in clear exactly once, by {@link #issueToken}.
 */
@Service
public class AccountService {

    /** Tokens live at most a year; a regulator issues new ones before they expire. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(366);
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);

    private final AccountStore accounts;
    private final SecurityEventLog events;
    private final Clock clock;

    public AccountService(AccountStore accounts, SecurityEventLog events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** A freshly issued token: its record and, this once, the token itself. */
    public record IssuedToken(TokenRecord record, String token) {
    }

    @Transactional
    public Mono<Account> create(String by, String id, Role role, Optional<String> organisation, String displayName) {
        Account account = new Account(id, role, organisation, displayName, clock.instant());
        return accounts.find(id)
                .flatMap(existing -> Mono.<Account>error(new Refused(IdentityReason.DUPLICATE_ACCOUNT,
                        "Account exists", "an account with id " + id + " already exists")))
                .switchIfEmpty(accounts.insert(account)
                        .then(events.record(SecurityEventType.ACCOUNT_CREATED, Optional.of(by), null, null, null,
                                "created " + id + " as " + role + organisation.map(o -> " for " + o).orElse("")))
                        .thenReturn(account));
    }

    @Transactional
    public Mono<IssuedToken> issueToken(String by, String accountId, String label, Optional<Instant> expiresAt) {
        Instant now = clock.instant();
        Instant expiry = expiresAt.orElse(now.plus(DEFAULT_TOKEN_LIFETIME));
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(MAX_TOKEN_LIFETIME))) {
            return Mono.error(new Refused(CommonReason.REQUEST_INVALID, "Invalid request",
                    "expiresAt must be in the future and at most " + MAX_TOKEN_LIFETIME.toDays() + " days ahead",
                    java.util.List.of(org.ngms.shared.Violation.of("expiresAt", "OUT_OF_RANGE",
                            "expiresAt must be in the future and within a year", expiry))));
        }
        String token = ApiTokens.generate();
        UUID id = UUID.randomUUID();
        return existing(accountId)
                .flatMap(account -> accounts.insertToken(id, accountId, ApiTokens.hash(token), label, now, expiry))
                .then(events.record(SecurityEventType.TOKEN_ISSUED, Optional.of(by), null, null, null,
                        "token " + id + " for " + accountId + " until " + expiry))
                .then(accounts.token(accountId, id))
                .map(record -> new IssuedToken(record, token));
    }

    @Transactional
    public Mono<TokenRecord> revoke(String by, String accountId, UUID tokenId) {
        return existing(accountId)
                .then(accounts.token(accountId, tokenId))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("token " + tokenId)))
                .flatMap(token -> accounts.revoke(accountId, tokenId, clock.instant()))
                .flatMap(token -> events.record(SecurityEventType.TOKEN_REVOKED, Optional.of(by), null, null, null,
                        "token " + tokenId + " of " + accountId).thenReturn(token));
    }

    public Mono<Account> existing(String accountId) {
        return accounts.find(accountId).switchIfEmpty(Mono.error(() -> Refused.notFound("account "
                + accountId)));
    }
}
