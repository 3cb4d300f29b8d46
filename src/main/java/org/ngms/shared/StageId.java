package org.ngms.shared;

import java.util.Objects;

/** The id of a stage of an auction's format, as the directive names it (e.g. {@code sealed}, {@code clock}). */
public record StageId(String value) {

    public StageId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a stage id is not blank");
        }
    }

    public static StageId of(String value) {
        return new StageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
