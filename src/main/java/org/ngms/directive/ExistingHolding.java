package org.ngms.directive;

import java.util.Objects;

import org.ngms.shared.Mhz;

/**
 * Spectrum an operator already holds in a band, counted as the directive counts spectrum; caps include it.
 */
public record ExistingHolding(String operator, String band, Mhz mhz) {

    public ExistingHolding {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(mhz, "mhz");
    }
}
