package org.ngms.auction;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When an auction happens: the application deadline (applications and deposits), the opening of bidding, the planned
 * opening of each stage of the directive's format, and the deadline of each sealed stage.
 */
public record Schedule(Instant applicationDeadline, Instant biddingOpens, Map<String, Instant> stageOpenings,
                       Map<String, Instant> stageClosings) {

    public Schedule {
        Objects.requireNonNull(applicationDeadline, "applicationDeadline");
        Objects.requireNonNull(biddingOpens, "biddingOpens");
        stageOpenings = Map.copyOf(stageOpenings);
        stageClosings = stageClosings == null ? Map.of() : Map.copyOf(stageClosings);
    }

    /** A schedule without sealed-stage deadlines. */
    public Schedule(Instant applicationDeadline, Instant biddingOpens, Map<String, Instant> stageOpenings) {
        this(applicationDeadline, biddingOpens, stageOpenings, Map.of());
    }

    /** Stage openings by stage id, sorted for stable output. */
    public Map<String, Instant> sortedStageOpenings() {
        return new TreeMap<>(stageOpenings);
    }

    public Map<String, Instant> sortedStageClosings() {
        return new TreeMap<>(stageClosings);
    }
}
