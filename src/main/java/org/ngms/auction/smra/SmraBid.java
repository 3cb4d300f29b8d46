package org.ngms.auction.smra;

import java.util.Objects;

/**
 * A bid of {@code amount} on one licence. Checked by {@link SmraStage#rejections}, not here, so that a wrong amount
 * becomes a rejection rather than an exception.
 */
public record SmraBid(String licence, long amount) {

    public SmraBid {
        Objects.requireNonNull(licence, "licence");
    }
}
