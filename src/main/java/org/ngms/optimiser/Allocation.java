package org.ngms.optimiser;

import java.util.List;
import java.util.Objects;

/**
 * A solver's answer with its certificate: the winners (in the instance's bidder order), their total {@code value},
 * an {@code upperBound} no feasible allocation exceeds, and {@code provenOptimal} only when value equals the bound.
 * {@code tieBreakComplete} says the seeded tie rule was carried out to the end (always, when proven optimal and the
 * solver had the time). {@code seconds} is wall time, the only floating-point number of the result.
 */
public record Allocation(String instance, long value, List<Winner> winners, boolean provenOptimal, long upperBound,
        boolean tieBreakComplete, double seconds) {

    public Allocation {
        Objects.requireNonNull(instance, "instance");
        winners = List.copyOf(winners);
        if (upperBound < value) {
            throw new IllegalArgumentException("upperBound " + upperBound + " is below value " + value);
        }
        if (provenOptimal != (value == upperBound)) {
            throw new IllegalArgumentException("provenOptimal is " + provenOptimal + " but value " + value
                    + (value == upperBound ? " equals" : " differs from") + " upperBound " + upperBound);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
    }

    public Allocation withSeconds(double wallSeconds) {
        return new Allocation(instance, value, winners, provenOptimal, upperBound, tieBreakComplete, wallSeconds);
    }
}
