package org.ngms.directive.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.ngms.directive.DirectiveDocument;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Directive versions in PostgreSQL. Registering a document whose hash equals the latest version returns that
 * version; any other document becomes the next version. A version used by an auction never changes.
 */
@Repository
public class DirectiveStore {

    private static final String COLUMNS = """
            d.id, d.version, d.sha256, d.title, d.canonical_json, d.registered_at,
            exists (select 1 from auction a where a.directive_id = d.id and a.directive_version = d.version) as in_use
            """;

    private final DatabaseClient db;

    public DirectiveStore(DatabaseClient db) {
        this.db = db;
    }

    /** The outcome of a registration: the stored version, and whether it was created by this call. */
    public record Registration(StoredDirective directive, boolean created) {
    }

    @Transactional
    public Mono<Registration> register(DirectiveDocument document, Instant at) {
        String id = document.directive().id();
        return lockId(id)
                .then(latest(id).map(latest -> latest.sha256().equals(document.sha256())
                                ? Mono.just(new Registration(latest, false))
                                : insert(document, latest.version() + 1, at))
                        .defaultIfEmpty(Mono.defer(() -> insert(document, 1, at))))
                .flatMap(registration -> registration);
    }

    /** Serialises registrations of one directive id, so two versions never get the same number. */
    private Mono<Void> lockId(String id) {
        return db.sql("select pg_advisory_xact_lock(hashtext(:id))").bind("id", "directive:" + id)
                .fetch().rowsUpdated().then();
    }

    private Mono<Registration> insert(DirectiveDocument document, int version, Instant at) {
        return db.sql("""
                        insert into directive (id, version, sha256, title, canonical_json, registered_at)
                        values (:id, :version, :sha256, :title, :json, :at)
                        """)
                .bind("id", document.directive().id())
                .bind("version", version)
                .bind("sha256", document.sha256())
                .bind("title", document.directive().title())
                .bind("json", document.canonicalJson())
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .then(get(document.directive().id(), version))
                .map(stored -> new Registration(stored, true));
    }

    /**
     * Replaces a version no auction uses yet. Empty if the version does not exist; an error if it is in use
     * (the database trigger refuses it as well).
     */
    @Transactional
    public Mono<StoredDirective> replace(String id, int version, DirectiveDocument document) {
        return lockId(id)
                .then(get(id, version))
                .flatMap(existing -> existing.inUse()
                        ? Mono.error(new DirectiveInUseException(id, version))
                        : db.sql("""
                                        update directive set sha256 = :sha256, title = :title, canonical_json = :json
                                        where id = :id and version = :version
                                        """)
                                .bind("sha256", document.sha256())
                                .bind("title", document.directive().title())
                                .bind("json", document.canonicalJson())
                                .bind("id", id)
                                .bind("version", version)
                                .fetch().rowsUpdated()
                                .then(get(id, version)));
    }

    public Mono<StoredDirective> get(String id, int version) {
        return db.sql("select " + COLUMNS + " from directive d where d.id = :id and d.version = :version")
                .bind("id", id)
                .bind("version", version)
                .map(DirectiveStore::row)
                .one();
    }

    public Mono<StoredDirective> latest(String id) {
        return db.sql("select " + COLUMNS + " from directive d where d.id = :id order by d.version desc limit 1")
                .bind("id", id)
                .map(DirectiveStore::row)
                .one();
    }

    public Flux<StoredDirective> list() {
        return db.sql("select " + COLUMNS + " from directive d order by d.id, d.version")
                .map(DirectiveStore::row)
                .all();
    }

    public Flux<StoredDirective> versions(String id) {
        return db.sql("select " + COLUMNS + " from directive d where d.id = :id order by d.version")
                .bind("id", id)
                .map(DirectiveStore::row)
                .all();
    }

    private static StoredDirective row(Readable row) {
        return new StoredDirective(
                row.get("id", String.class),
                row.get("version", Integer.class),
                row.get("sha256", String.class),
                row.get("title", String.class),
                row.get("canonical_json", String.class),
                row.get("registered_at", OffsetDateTime.class).toInstant(),
                Boolean.TRUE.equals(row.get("in_use", Boolean.class)));
    }

    /** A directive version that an auction uses cannot change; register a new version instead. */
    public static final class DirectiveInUseException extends RuntimeException {
        public DirectiveInUseException(String id, int version) {
            super("directive " + id + " version " + version + " is used by an auction and cannot change; "
                    + "register the change as a new version");
        }
    }
}
