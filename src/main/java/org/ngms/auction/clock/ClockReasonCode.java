package org.ngms.auction.clock;

/**
 * Stable codes for rejected clock bids and round operations. Each maps to one HTTP status, as
 * {@link org.ngms.auction.ReasonCode} does: a conflict with the stage's state is 409, a bid that breaks a rule is 422.
 */
public enum ClockReasonCode {
    STAGE_ENDED(409),
    BIDDER_EXCLUDED(409),
    BIDDER_NOT_IN_STAGE(422),
    UNKNOWN_PRODUCT(422),
    NEGATIVE_QUANTITY(422),
    DEMAND_EXCEEDS_SUPPLY(422),
    DUPLICATE_BID(422),
    BID_PRICE_OUT_OF_RANGE(422),
    NOT_A_BID_MULTIPLE(422),
    INTRA_ROUND_BIDS_NOT_ALLOWED(422),
    MAINTAIN_BELOW_CLOCK_PRICE(422),
    SPECTRUM_CAP(422),
    INCREMENT_REQUIRED(422),
    INCREMENT_OUT_OF_RANGE(422);

    private final int httpStatus;

    ClockReasonCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
