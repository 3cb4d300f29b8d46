package org.ngms.identity.app;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.identity.SecurityEventRecorded;
import org.ngms.identity.SecurityEventType;
import org.ngms.identity.persistence.AccountStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place security events are recorded: authentication failures, authorisation denials, rate limiting and
 * credential changes, with time, account, method, route and source address. The table is append-only, and each event
 * is also a record of the service transcript.
 */
@Component
public class SecurityEventLog {

    private final DatabaseClient db;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;

    public SecurityEventLog(DatabaseClient db, Clock clock, AuditTrail audit, TransactionalOperator transaction) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** One recorded event. */
    public record SecurityEvent(long seq, Instant at, SecurityEventType type, String accountId, String method,
                                String route, String source, String detail) {
    }

    public Mono<Void> record(SecurityEventType type, Optional<String> accountId, String method, String route,
                             String source, String detail) {
        var spec = db.sql("""
                        insert into security_event (at, type, account_id, method, route, source, detail)
                        values (:at, :type, :account, :method, :route, :source, :detail)
                        """)
                .bind("at", AccountStore.utc(clock.instant()))
                .bind("type", type.name());
        spec = bindOrNull(spec, "account", accountId.orElse(null));
        spec = bindOrNull(spec, "method", method);
        spec = bindOrNull(spec, "route", route);
        spec = bindOrNull(spec, "source", source);
        spec = bindOrNull(spec, "detail", detail);
        SecurityEventRecorded event = new SecurityEventRecorded(type, accountId, Optional.ofNullable(method),
                Optional.ofNullable(route), Optional.ofNullable(source), Optional.ofNullable(detail));
        // the row and its transcript record commit together (joining the caller's transaction, if any)
        return spec.fetch().rowsUpdated()
                .then(audit.append(Chains.SERVICE, event))
                .then()
                .as(transaction::transactional);
    }

    private static DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Flux<SecurityEvent> after(long afterSeq, int limit) {
        return db.sql("select * from security_event where seq > :after order by seq limit :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(row -> new SecurityEvent(row.get("seq", Long.class),
                        row.get("at", OffsetDateTime.class).toInstant(),
                        SecurityEventType.valueOf(row.get("type", String.class)),
                        row.get("account_id", String.class), row.get("method", String.class),
                        row.get("route", String.class), row.get("source", String.class),
                        row.get("detail", String.class)))
                .all();
    }
}
