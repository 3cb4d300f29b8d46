package org.ngms.auction.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.events.StageOperationFailed;
import org.ngms.auction.events.StageOperationRecovered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Stage operations (opening or closing a window, closing a clock round) that failed, per auction and stage: each is
 * logged, shown in {@code /actuator/health} (component {@code stages}, for the regulator's operators: the auction,
 * stage, operation, attempts, last error and next attempt), and retried with exponential back-off (1 s doubling to
 * at most 5 minutes) while every other auction goes on. A success clears it.
 */
@Component("stages")
public class StageFailures implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StageFailures.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final Map<Key, Failure> failures = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final TransactionalOperator transaction;

    public StageFailures(AuditTrail audit, TransactionalOperator transaction) {
        this.audit = audit;
        this.transaction = transaction;
    }

    private record Key(UUID auction, String stage) {
    }

    /** One stage's failure: how often in a row, the last error, and when it is tried again. */
    public record Failure(String operation, int attempts, String error, Instant failedAt, Instant retryAt) {
    }

    /** Whether the stage's operations may run at {@code now} (not failing, or its back-off has passed). */
    public boolean due(UUID auction, String stage, Instant now) {
        Failure f = failures.get(new Key(auction, stage));
        return f == null || !now.isBefore(f.retryAt());
    }

    /**
     * Records a failure: logged, listed, retried after the back-off; the first of a run of failures is also written
     * to the auction's transcript ({@code STAGE_OPERATION_FAILED}), in a transaction of its own. A failure to write
     * it is logged and lost, never thrown: the scheduler goes on with the other auctions.
     */
    public Mono<Void> failed(UUID auction, String stage, String operation, Throwable error, Instant now) {
        Failure f = failures.compute(new Key(auction, stage), (k, before) -> {
            int attempts = before == null ? 1 : before.attempts() + 1;
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
            if (wait.compareTo(LONGEST_RETRY) > 0) {
                wait = LONGEST_RETRY;
            }
            return new Failure(operation, attempts, String.valueOf(error), now, now.plus(wait));
        });
        log.error("auction {} stage {}: {} failed (attempt {}), retried at {}; other auctions go on", auction, stage,
                operation, f.attempts(), f.retryAt(), error);
        if (f.attempts() > 1) {
            return Mono.empty();
        }
        String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return record(auction, new StageOperationFailed(stage, operation, why, f.retryAt()));
    }

    /** Clears a stage's failure; a recovery after failures is written to the transcript. */
    public Mono<Void> succeeded(UUID auction, String stage) {
        Failure f = failures.remove(new Key(auction, stage));
        if (f == null) {
            return Mono.empty();
        }
        log.info("auction {} stage {}: recovered after {} failed attempt(s)", auction, stage, f.attempts());
        return record(auction, new StageOperationRecovered(stage, f.operation(), f.attempts()));
    }

    private Mono<Void> record(UUID auction, org.ngms.audit.AuditEvent event) {
        return audit.append(Chains.auction(auction), event)
                .as(transaction::transactional)
                .then()
                .onErrorResume(e -> {
                    log.error("auction {}: could not record {} in its transcript", auction, event.type(), e);
                    return Mono.empty();
                });
    }

    public Map<String, Failure> current() {
        Map<String, Failure> view = new TreeMap<>();
        failures.forEach((k, f) -> view.put(k.auction() + "/" + k.stage(), f));
        return view;
    }

    /** UP whatever fails (one auction's failure is no reason to take the instance out), with the failures listed. */
    @Override
    public Health health() {
        Map<String, Failure> view = current();
        return Health.up().withDetail("failing", view.size()).withDetail("failures", view).build();
    }
}
