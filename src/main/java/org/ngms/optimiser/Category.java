package org.ngms.optimiser;

import java.util.Objects;

/** A generic lot: {@code supply} identical blocks on offer, each at {@code reservePrice} whole currency units. */
public record Category(String id, long supply, long reservePrice) {

    public Category {
        Objects.requireNonNull(id, "id");
        if (supply < 1) {
            throw new IllegalArgumentException("supply of " + id + " must be at least 1: " + supply);
        }
        if (reservePrice < 0) {
            throw new IllegalArgumentException("reservePrice of " + id + " must not be negative: " + reservePrice);
        }
    }
}
