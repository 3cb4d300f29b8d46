package org.ngms.optimiser.assignment;

import java.util.Objects;
import java.util.Set;

/**
 * wd(K): the greatest sum of the bids of the winners in {@code coalition} over complete assignments of the market
 * (every winner still gets an option; the others' bids count 0). {@code value} equals {@code bound} when OPTIMAL.
 */
public record CoalitionValue(Set<String> coalition, AssignmentStatus status, long value, long bound, long nodes) {

    public CoalitionValue {
        coalition = Set.copyOf(coalition);
        Objects.requireNonNull(status, "status");
        if (bound < value) {
            throw new IllegalArgumentException("bound " + bound + " is below value " + value);
        }
        if (status == AssignmentStatus.OPTIMAL && value != bound) {
            throw new IllegalArgumentException("OPTIMAL but value " + value + " differs from bound " + bound);
        }
    }

    public boolean provenOptimal() {
        return status == AssignmentStatus.OPTIMAL;
    }
}
