package org.ngms.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@code maxFailures} failed authentications from one source within {@code window}, that
 * source's authentication attempts are refused (429, with the seconds to wait) until the oldest failure leaves the
 * window. Memory is bounded: at most {@code maxSources} sources are tracked.
 */
public final class AuthFailureLimiter {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final int maxSources;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public AuthFailureLimiter(int maxFailures, Duration window, Clock clock, int maxSources) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxSources < 1) {
            throw new IllegalArgumentException("limiter needs maxFailures >= 1, a positive window and maxSources >= 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.maxSources = maxSources;
    }

    public void recordFailure(String source) {
        Instant now = clock.instant();
        if (failures.size() >= maxSources && !failures.containsKey(source)) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
            if (failures.size() >= maxSources) {
                return;
            }
        }
        Deque<Instant> times = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    /** Seconds the source must wait before trying again; zero when it may try now. */
    public long secondsToWait(String source) {
        Deque<Instant> times = failures.get(source);
        if (times == null) {
            return 0;
        }
        Instant now = clock.instant();
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.removeFirst();
            }
            if (times.size() < maxFailures) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
        }
    }

    private boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().plus(window).isAfter(now);
        }
    }
}
