package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.FrequencyRange;

/**
 * A frequency band. FDD bands have an uplink and a downlink range; TDD bands have one range.
 * Bands without lots may still be named, so that caps can count existing holdings in them.
 */
public record Band(String id, String name, Duplex duplex, Optional<FrequencyRange> uplink,
                   Optional<FrequencyRange> downlink, Optional<FrequencyRange> range) {

    public Band {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duplex, "duplex");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        Objects.requireNonNull(range, "range");
    }

    /** The ranges a block of this band must lie in: uplink and downlink for FDD, the range for TDD. */
    public List<FrequencyRange> ranges() {
        return duplex == Duplex.FDD
                ? List.of(uplink.orElseThrow(), downlink.orElseThrow())
                : List.of(range.orElseThrow());
    }
}
