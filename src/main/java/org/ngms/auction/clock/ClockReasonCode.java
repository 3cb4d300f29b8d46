package org.ngms.auction.clock;

/**
 * Stable codes for rejected clock bids and round operations, recorded in the round when a bid is rejected there and
 * answered at submission (the web adapter's {@code ProblemStatus} gives each its HTTP status).
 */
public enum ClockReasonCode implements org.ngms.shared.Reason {
    STAGE_ENDED,
    BIDDER_EXCLUDED,
    BIDDER_NOT_IN_STAGE,
    UNKNOWN_PRODUCT,
    NEGATIVE_QUANTITY,
    DEMAND_EXCEEDS_SUPPLY,
    DUPLICATE_BID,
    BID_PRICE_OUT_OF_RANGE,
    NOT_A_BID_MULTIPLE,
    INTRA_ROUND_BIDS_NOT_ALLOWED,
    MAINTAIN_BELOW_CLOCK_PRICE,
    SPECTRUM_CAP,
    INCREMENT_REQUIRED,
    INCREMENT_OUT_OF_RANGE,
    /** A bid on a position of a market the bidder did not win spectrum in. */
    POSITION_NOT_WON,
    /** More than one position of a market asked for, or none once the bidder holds one. */
    ONE_POSITION_PER_MARKET;

}
