package org.ngms.directive;

import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.FrequencyRange;
import org.ngms.shared.Mhz;

/**
 * Spectrum assigned administratively, outside the auction (AJK &amp; GB 2021: 2x10 MHz in 1800 and 2100 for SCO).
 * It is not offered, and specific lots must not overlap it.
 */
public record SetAside(String id, String holder, String area, String band, Mhz mhz,
                       Optional<FrequencyRange> uplink, Optional<FrequencyRange> downlink,
                       Optional<FrequencyRange> range, String basis) {

    public SetAside {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(mhz, "mhz");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(basis, "basis");
    }
}
