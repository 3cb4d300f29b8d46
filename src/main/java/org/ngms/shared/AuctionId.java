package org.ngms.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of an auction: a random UUID, chosen when the auction is created. */
public record AuctionId(UUID value) {

    public AuctionId {
        Objects.requireNonNull(value, "value");
    }

    public static AuctionId of(UUID value) {
        return new AuctionId(value);
    }

    /** From its text form; an {@link IllegalArgumentException} naming the text if it is not a UUID. */
    public static AuctionId parse(String text) {
        try {
            return new AuctionId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an auction id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
