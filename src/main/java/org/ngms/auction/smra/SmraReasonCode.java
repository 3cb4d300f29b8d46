package org.ngms.auction.smra;

/**
 * Stable codes for refused SMRA bids, withdrawals, waivers and round operations, recorded in the round when an action
 * is refused there and answered at submission (the web adapter's {@code ProblemStatus} gives each its HTTP status).
 */
public enum SmraReasonCode implements org.ngms.shared.Reason {
    STAGE_ENDED,
    BIDDER_NOT_IN_STAGE,
    /** A second action set of the same bidder in one round, or a second bid or withdrawal on one licence. */
    DUPLICATE_ACTION,
    UNKNOWN_LICENCE,
    NEW_ENTRANTS_ONLY,
    /** A bid on a licence whose standing high bid the bidder already holds. */
    ALREADY_STANDING_HIGH,
    BELOW_MINIMUM_ACCEPTABLE_BID,
    NOT_A_BID_MULTIPLE,
    NOT_A_CLICK_BOX_AMOUNT,
    ELIGIBILITY_EXCEEDED,
    SPECTRUM_CAP,
    NO_WAIVER_LEFT,
    /** A proactive waiver and a voluntary eligibility reduction in the same round: they contradict each other. */
    WAIVER_AND_REDUCTION,
    WITHDRAWALS_NOT_ALLOWED,
    NO_WITHDRAWAL_ROUNDS_LEFT,
    NOT_STANDING_HIGH_BIDDER,
    INCREMENT_REQUIRED,
    INCREMENT_OUT_OF_RANGE,
    INCREMENT_NOT_REGULATED
}
