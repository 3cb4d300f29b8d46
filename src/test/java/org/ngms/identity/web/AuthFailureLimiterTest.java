package org.ngms.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {

    private Instant now = Instant.parse("2026-03-10T05:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aSourceIsPausedAfterTheLimitUntilItsOldestFailureLeavesTheWindow() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofMinutes(5), clock, 10);
        limiter.recordFailure("10.0.0.1");
        now = now.plusSeconds(60);
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.secondsToWait("10.0.0.1")).isZero();
        limiter.recordFailure("10.0.0.1");

        assertThat(limiter.secondsToWait("10.0.0.1")).isEqualTo(240);
        assertThat(limiter.secondsToWait("10.0.0.2")).isZero();
        now = now.plusSeconds(240);
        assertThat(limiter.secondsToWait("10.0.0.1")).isZero();
    }

    @Test
    void trackedSourcesAreBounded() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(1, Duration.ofMinutes(5), clock, 2);
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        limiter.recordFailure("c");
        assertThat(limiter.secondsToWait("a")).isPositive();
        assertThat(limiter.secondsToWait("c")).isZero();
        now = now.plus(Duration.ofMinutes(6));
        limiter.recordFailure("c");
        assertThat(limiter.secondsToWait("c")).isPositive();
    }
}
