package org.ngms.directive;

import java.util.Objects;

import org.ngms.shared.Percent;

/** The auction succeeds only if at least this share of the offered MHz is sold (2026: 50%). */
public record SuccessCriterion(Percent minSoldPercentOfMhz) {

    public SuccessCriterion {
        Objects.requireNonNull(minSoldPercentOfMhz, "minSoldPercentOfMhz");
    }
}
