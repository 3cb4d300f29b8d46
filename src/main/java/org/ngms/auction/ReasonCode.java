package org.ngms.auction;

/**
 * Stable codes for rejected auction operations, grouped by subsystem. A code names the rule or the state that
 * refused the operation; the web adapter's one table ({@code ProblemStatus}) gives each its HTTP status.
 */
public enum ReasonCode implements org.ngms.shared.Reason {
    // lifecycle
    ILLEGAL_TRANSITION,
    NO_QUALIFIED_BIDDERS,
    UNDECIDED_BIDDERS,
    OUTCOME_NOT_READY,
    REASON_REQUIRED,
    // registration and qualification
    REGISTRATION_CLOSED,
    QUALIFICATION_NOT_OPEN,
    ALREADY_DECIDED,
    DUPLICATE_BIDDER,
    UNKNOWN_CATEGORY,
    UNKNOWN_BAND,
    DEMAND_EXCEEDS_SUPPLY,
    NEW_ENTRANTS_ONLY,
    EXCLUDED_CATEGORY,
    CAP_BELOW_HOLDINGS,
    SPECTRUM_CAP,
    DEMAND_REQUIRED,
    DEPOSIT_BELOW_REQUIRED,
    // sealed stages: pre-bid offers at reserve and package bids
    NOT_QUALIFIED,
    OFFER_OF_ANOTHER_BIDDER,
    CATEGORY_NOT_IN_STAGE,
    NEGATIVE_QUANTITY,
    BELOW_MIN_BLOCKS,
    ABOVE_MAX_BLOCKS,
    ELIGIBILITY_EXCEEDED,
    CROSS_BAND_CONDITION,
    UNKNOWN_LOT,
    EMPTY_PACKAGE,
    INVALID_PACKAGE_ID,
    DUPLICATE_PACKAGE_ID,
    TOO_MANY_PACKAGES,
    BELOW_PACKAGE_RESERVE,
    // sealed assignment rounds
    NOT_AN_ASSIGNMENT_WINNER,
    UNKNOWN_OPTION,
    DUPLICATE_OPTION_BID,
    NOT_A_BID_MULTIPLE,
    // schedule
    SCHEDULE_OUT_OF_ORDER,
    UNKNOWN_STAGE,
    FIRST_STAGE_UNSCHEDULED,
    SEALED_STAGE_WITHOUT_DEADLINE,
    UNKNOWN_DIRECTIVE,
    // bidding in time: windows, rounds and the regulator's controls
    AUCTION_NOT_BIDDING,
    BIDDING_CLOSED,
    NOTHING_TO_WITHDRAW,
    NOT_A_SEALED_STAGE,
    ROUND_CLOSED,
    ROUND_STATE,
    ROUND_NOT_NEXT,
    DEADLINE_NOT_LATER,
    INCREMENT_NOT_REGULATED;

}
