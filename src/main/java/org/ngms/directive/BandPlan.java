package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.FrequencyRange;

/**
 * Where a lot category's generic blocks lie, for its assignment stage: the stretch of the band (in the category's
 * licence area) that the plan describes, cut into segments in frequency order that cover it exactly. OFFERED
 * segments hold the category's blocks, {@code blockMhz} each, from the bottom; EXISTING segments are incumbents'
 * assignments by exact frequencies; GUARD and RESERVED segments are not assignable. For FDD the segments are the
 * downlink, and the uplink of each follows at the plan's duplex spacing ({@code uplink.from - downlink.from}).
 *
 * <p>{@code positions} names the positions of a position clock from the bottom (PTA 2026, 2600 MHz: bottom, middle,
 * top); a market with another number of winners numbers its positions instead.
 */
public record BandPlan(String category, Optional<FrequencyRange> range, Optional<FrequencyRange> downlink,
                       Optional<FrequencyRange> uplink, List<Segment> segments, List<String> positions) {

    public BandPlan {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(downlink, "downlink");
        Objects.requireNonNull(uplink, "uplink");
        segments = List.copyOf(segments);
        positions = List.copyOf(positions);
    }

    /** The stretch the segments cover: the TDD range or the FDD downlink. */
    public Optional<FrequencyRange> span() {
        return range.isPresent() ? range : downlink;
    }

    /** kHz to add to a downlink frequency for its uplink (0 for TDD). */
    public long uplinkOffsetKhz() {
        return downlink.isPresent() && uplink.isPresent() ? uplink.get().fromKhz() - downlink.get().fromKhz() : 0;
    }

    public enum Use { OFFERED, EXISTING, GUARD, RESERVED }

    /** One stretch of the plan; {@code holder} is the incumbent of an EXISTING segment. */
    public record Segment(FrequencyRange range, Use use, Optional<String> holder) {
        public Segment {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(use, "use");
            Objects.requireNonNull(holder, "holder");
        }
    }
}
