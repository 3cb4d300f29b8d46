package org.ngms.auction;

/**
 * Stable codes for rejected auction operations, grouped by subsystem. Each maps to one HTTP status: a conflict with
 * the auction's state is 409, a request that breaks a rule of the directive is 422.
 */
public enum ReasonCode {
    // lifecycle
    ILLEGAL_TRANSITION(409),
    NO_QUALIFIED_BIDDERS(409),
    UNDECIDED_BIDDERS(409),
    OUTCOME_NOT_READY(409),
    REASON_REQUIRED(422),
    // registration and qualification
    REGISTRATION_CLOSED(409),
    QUALIFICATION_NOT_OPEN(409),
    ALREADY_DECIDED(409),
    DUPLICATE_BIDDER(409),
    UNKNOWN_CATEGORY(422),
    UNKNOWN_BAND(422),
    DEMAND_EXCEEDS_SUPPLY(422),
    NEW_ENTRANTS_ONLY(422),
    EXCLUDED_CATEGORY(422),
    CAP_BELOW_HOLDINGS(422),
    SPECTRUM_CAP(422),
    DEMAND_REQUIRED(422),
    DEPOSIT_BELOW_REQUIRED(422),
    // sealed stages: pre-bid offers at reserve and package bids
    NOT_QUALIFIED(409),
    OFFER_OF_ANOTHER_BIDDER(422),
    CATEGORY_NOT_IN_STAGE(422),
    NEGATIVE_QUANTITY(422),
    BELOW_MIN_BLOCKS(422),
    ABOVE_MAX_BLOCKS(422),
    ELIGIBILITY_EXCEEDED(422),
    CROSS_BAND_CONDITION(422),
    UNKNOWN_LOT(422),
    EMPTY_PACKAGE(422),
    INVALID_PACKAGE_ID(422),
    DUPLICATE_PACKAGE_ID(422),
    TOO_MANY_PACKAGES(422),
    BELOW_PACKAGE_RESERVE(422),
    // schedule
    SCHEDULE_OUT_OF_ORDER(422),
    UNKNOWN_STAGE(422),
    FIRST_STAGE_UNSCHEDULED(422),
    SEALED_STAGE_WITHOUT_DEADLINE(422);

    private final int httpStatus;

    ReasonCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
