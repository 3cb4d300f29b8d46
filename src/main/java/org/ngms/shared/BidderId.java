package org.ngms.shared;

import java.util.Objects;

/** The id of a bidder of an auction, as it registered (e.g. {@code jazz}). */
public record BidderId(String value) {

    public BidderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a bidder id is not blank");
        }
    }

    public static BidderId of(String value) {
        return new BidderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
