package org.ngms.auction.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

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

    public void failed(UUID auction, String stage, String operation, Throwable error, Instant now) {
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
    }

    public void succeeded(UUID auction, String stage) {
        if (failures.remove(new Key(auction, stage)) != null) {
            log.info("auction {} stage {}: recovered", auction, stage);
        }
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
