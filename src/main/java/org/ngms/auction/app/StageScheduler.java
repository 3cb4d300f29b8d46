package org.ngms.auction.app;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens and closes stage windows when they are due, every second by default. Every instance may run it: the windows'
 * conditional updates make each opening and closing happen once. Off for offline runs such as {@code replay}, which
 * drive time themselves.
 */
@Component
@ConditionalOnProperty(name = "ngms.stages.scheduler", havingValue = "true", matchIfMissing = true)
public class StageScheduler {

    private static final Logger log = LoggerFactory.getLogger(StageScheduler.class);

    private final StageService stages;
    private final Clock clock;

    public StageScheduler(StageService stages, Clock clock) {
        this.stages = stages;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ngms.stages.tick:PT1S}")
    void tick() {
        try {
            stages.tick(clock.instant()).block(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            log.error("stage tick failed; it is retried at the next tick", e);
        }
    }
}
