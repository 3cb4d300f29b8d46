package org.ngms.directive;

/**
 * How a directive counts paired (FDD) spectrum in caps and success criteria. Pakistani directives differ: 2021
 * counted 2x5 MHz as 5 MHz ("9 MHz paired"), 2026 counted it as 10 MHz (597.2 MHz offered).
 */
public enum SpectrumCounting {
    /** A 2x5 MHz block counts 5 MHz. */
    ONE_DIRECTION,
    /** A 2x5 MHz block counts 10 MHz. */
    BOTH_DIRECTIONS;

    /** The MHz a block of {@code blockMhz} (per direction) counts in a band of the given duplex mode. */
    public org.ngms.shared.Mhz count(org.ngms.shared.Mhz blockMhz, Duplex duplex) {
        return duplex == Duplex.FDD && this == BOTH_DIRECTIONS ? blockMhz.times(2) : blockMhz;
    }
}
