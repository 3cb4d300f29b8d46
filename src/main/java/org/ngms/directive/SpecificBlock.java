package org.ngms.directive;

import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.FrequencyRange;

/** A lot with exact frequencies: uplink and downlink for FDD (2100 B1 1930-1935/2120-2125), or one TDD range. */
public record SpecificBlock(String id, Optional<FrequencyRange> uplink, Optional<FrequencyRange> downlink,
                            Optional<FrequencyRange> range) {

    public SpecificBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        Objects.requireNonNull(range, "range");
    }
}
