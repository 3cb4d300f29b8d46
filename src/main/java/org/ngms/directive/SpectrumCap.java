package org.ngms.directive;

import java.util.List;
import java.util.Objects;

import org.ngms.shared.Mhz;

/**
 * At most {@code limit} MHz per bidder over a set of bands, counting existing holdings when
 * {@code includesExistingHoldings} (2026: 348.5 MHz overall, 55 MHz in 700/850/900, 140 in 2600, 200 in 3500).
 */
public record SpectrumCap(String id, List<String> bands, Mhz limit, boolean includesExistingHoldings) {

    public SpectrumCap {
        Objects.requireNonNull(id, "id");
        bands = List.copyOf(bands);
        Objects.requireNonNull(limit, "limit");
    }
}
