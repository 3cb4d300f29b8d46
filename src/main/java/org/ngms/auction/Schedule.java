package org.ngms.auction;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When an auction happens: the application deadline (applications and deposits), the opening of bidding, and the
 * planned opening of each stage of the directive's format.
 */
public record Schedule(Instant applicationDeadline, Instant biddingOpens, Map<String, Instant> stageOpenings) {

    public Schedule {
        Objects.requireNonNull(applicationDeadline, "applicationDeadline");
        Objects.requireNonNull(biddingOpens, "biddingOpens");
        stageOpenings = Map.copyOf(stageOpenings);
    }

    /** Stage openings by stage id, sorted for stable output. */
    public Map<String, Instant> sortedStageOpenings() {
        return new TreeMap<>(stageOpenings);
    }
}
