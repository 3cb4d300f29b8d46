package org.ngms.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.ngms.identity.Account;
import org.ngms.identity.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts and their API tokens (stored as SHA-256 only). */
@Repository
public class AccountStore {

    private final DatabaseClient db;

    public AccountStore(DatabaseClient db) {
        this.db = db;
    }

    /** A token's record, never the token itself. */
    public record TokenRecord(UUID id, String accountId, String label, Instant createdAt, Instant expiresAt,
                              Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {

        public boolean isActive(Instant now) {
            return revokedAt.isEmpty() && now.isBefore(expiresAt);
        }
    }

    /** An account with the token that authenticated it. */
    public record Authenticated(Account account, TokenRecord token) {
    }

    public Mono<Void> insert(Account a) {
        var spec = db.sql("""
                        insert into account (id, role, organisation, display_name, created_at)
                        values (:id, :role, :organisation, :name, :at)
                        """)
                .bind("id", a.id())
                .bind("role", a.role().name())
                .bind("name", a.displayName())
                .bind("at", utc(a.createdAt()));
        spec = a.organisation().isPresent() ? spec.bind("organisation", a.organisation().get())
                : spec.bindNull("organisation", String.class);
        return spec.fetch().rowsUpdated().then();
    }

    public Mono<Account> find(String id) {
        return db.sql("select * from account where id = :id").bind("id", id).map(AccountStore::account).one();
    }

    public Flux<Account> list() {
        return db.sql("select * from account order by id").map(AccountStore::account).all();
    }

    public Mono<Long> count() {
        return db.sql("select count(*) as n from account").map(row -> row.get("n", Long.class)).one();
    }

    /** Serialises the bootstrap check of concurrently starting instances. */
    public Mono<Void> lockBootstrap() {
        return db.sql("select pg_advisory_xact_lock(hashtext('ngms:bootstrap'))").fetch().rowsUpdated().then();
    }

    public Mono<Void> insertToken(UUID id, String accountId, String sha256, String label, Instant createdAt,
                                  Instant expiresAt) {
        return db.sql("""
                        insert into api_token (id, account_id, token_sha256, label, created_at, expires_at)
                        values (:id, :account, :sha, :label, :createdAt, :expiresAt)
                        """)
                .bind("id", id)
                .bind("account", accountId)
                .bind("sha", sha256)
                .bind("label", label)
                .bind("createdAt", utc(createdAt))
                .bind("expiresAt", utc(expiresAt))
                .fetch().rowsUpdated().then();
    }

    public Flux<TokenRecord> tokens(String accountId) {
        return db.sql("select * from api_token where account_id = :account order by created_at, id")
                .bind("account", accountId)
                .map(AccountStore::token)
                .all();
    }

    public Mono<TokenRecord> token(String accountId, UUID tokenId) {
        return db.sql("select * from api_token where account_id = :account and id = :id")
                .bind("account", accountId)
                .bind("id", tokenId)
                .map(AccountStore::token)
                .one();
    }

    /** Revokes a token once; emits the token as it is afterwards. */
    public Mono<TokenRecord> revoke(String accountId, UUID tokenId, Instant at) {
        return db.sql("""
                        update api_token set revoked_at = coalesce(revoked_at, :at)
                        where account_id = :account and id = :id
                        """)
                .bind("at", utc(at))
                .bind("account", accountId)
                .bind("id", tokenId)
                .fetch().rowsUpdated()
                .then(token(accountId, tokenId));
    }

    /** The account and token for a token hash, whatever the token's state; the caller checks expiry and revocation. */
    public Mono<Authenticated> byTokenHash(String sha256) {
        return db.sql("""
                        select t.*, a.role, a.organisation, a.display_name, a.created_at as account_created_at
                        from api_token t join account a on a.id = t.account_id
                        where t.token_sha256 = :sha
                        """)
                .bind("sha", sha256)
                .map(row -> new Authenticated(
                        new Account(row.get("account_id", String.class),
                                Role.valueOf(row.get("role", String.class)),
                                Optional.ofNullable(row.get("organisation", String.class)),
                                row.get("display_name", String.class),
                                row.get("account_created_at", OffsetDateTime.class).toInstant()),
                        token(row)))
                .one();
    }

    /** Records use at most once a minute per token, so authentication does not write on every request. */
    public Mono<Void> touch(UUID tokenId, Instant at) {
        return db.sql("""
                        update api_token set last_used_at = :at
                        where id = :id and (last_used_at is null or last_used_at < :at - interval '1 minute')
                        """)
                .bind("at", utc(at))
                .bind("id", tokenId)
                .fetch().rowsUpdated().then();
    }

    private static Account account(Readable row) {
        return new Account(row.get("id", String.class), Role.valueOf(row.get("role", String.class)),
                Optional.ofNullable(row.get("organisation", String.class)), row.get("display_name", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static TokenRecord token(Readable row) {
        return new TokenRecord(row.get("id", UUID.class), row.get("account_id", String.class),
                row.get("label", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("expires_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("last_used_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
