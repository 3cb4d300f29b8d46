package org.ngms.web;

import java.util.List;

import org.ngms.auction.ReasonCode;
import org.ngms.auction.clock.ClockReasonCode;
import org.ngms.auction.smra.SmraReasonCode;
import org.ngms.identity.IdentityReason;
import org.ngms.shared.CommonReason;
import org.ngms.shared.Reason;

/**
 * The one table from reason codes to HTTP statuses. 409: the request conflicts with the state it met (a round that
 * has closed, a stage that ended, a bidder excluded, an auction not bidding) — the same request could succeed in
 * another state. 422: it breaks a rule of the directive or of the format — it will never succeed as it is. 404: the
 * thing does not exist (or is not the caller's to see). Every switch lists every code, so a new code does not compile
 * until it has its status.
 */
public final class ProblemStatus {

    /** Every enum of reason codes the services use (walked by the test of this table). */
    public static final List<Class<? extends Enum<? extends Reason>>> REASONS = List.of(CommonReason.class,
            ReasonCode.class, ClockReasonCode.class, SmraReasonCode.class, IdentityReason.class);

    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int RULE = 422;

    private ProblemStatus() {
    }

    public static int of(Reason reason) {
        if (reason instanceof CommonReason c) {
            return of(c);
        }
        if (reason instanceof ReasonCode c) {
            return of(c);
        }
        if (reason instanceof ClockReasonCode c) {
            return of(c);
        }
        if (reason instanceof SmraReasonCode c) {
            return of(c);
        }
        if (reason instanceof IdentityReason c) {
            return of(c);
        }
        throw new IllegalArgumentException("no HTTP status for reason " + reason.getClass().getName() + "."
                + reason.name());
    }

    static int of(CommonReason reason) {
        return switch (reason) {
            case NOT_FOUND -> NOT_FOUND;
            case REQUEST_INVALID -> RULE;
            case CONCURRENT_CHANGE -> CONFLICT;
        };
    }

    static int of(IdentityReason reason) {
        return switch (reason) {
            case DUPLICATE_ACCOUNT -> CONFLICT;
        };
    }

    static int of(ReasonCode reason) {
        return switch (reason) {
            case ILLEGAL_TRANSITION, NO_QUALIFIED_BIDDERS, UNDECIDED_BIDDERS, OUTCOME_NOT_READY -> CONFLICT;
            case REASON_REQUIRED -> RULE;
            case REGISTRATION_CLOSED, QUALIFICATION_NOT_OPEN, ALREADY_DECIDED, DUPLICATE_BIDDER -> CONFLICT;
            case UNKNOWN_CATEGORY, UNKNOWN_BAND, DEMAND_EXCEEDS_SUPPLY, NEW_ENTRANTS_ONLY, EXCLUDED_CATEGORY,
                 CAP_BELOW_HOLDINGS, SPECTRUM_CAP, DEMAND_REQUIRED, DEPOSIT_BELOW_REQUIRED -> RULE;
            case NOT_QUALIFIED -> CONFLICT;
            case OFFER_OF_ANOTHER_BIDDER, CATEGORY_NOT_IN_STAGE, NEGATIVE_QUANTITY, BELOW_MIN_BLOCKS,
                 ABOVE_MAX_BLOCKS, ELIGIBILITY_EXCEEDED, CROSS_BAND_CONDITION, UNKNOWN_LOT, EMPTY_PACKAGE,
                 INVALID_PACKAGE_ID, DUPLICATE_PACKAGE_ID, TOO_MANY_PACKAGES, BELOW_PACKAGE_RESERVE,
                 NOT_AN_ASSIGNMENT_WINNER, UNKNOWN_OPTION, DUPLICATE_OPTION_BID, NOT_A_BID_MULTIPLE -> RULE;
            case SCHEDULE_OUT_OF_ORDER, UNKNOWN_STAGE, FIRST_STAGE_UNSCHEDULED, SEALED_STAGE_WITHOUT_DEADLINE,
                 UNKNOWN_DIRECTIVE -> RULE;
            case AUCTION_NOT_BIDDING, BIDDING_CLOSED, NOTHING_TO_WITHDRAW, NOT_A_SEALED_STAGE, ROUND_CLOSED,
                 ROUND_STATE -> CONFLICT;
            case ROUND_NOT_NEXT, DEADLINE_NOT_LATER, INCREMENT_NOT_REGULATED -> RULE;
        };
    }

    static int of(ClockReasonCode reason) {
        return switch (reason) {
            case STAGE_ENDED, BIDDER_EXCLUDED -> CONFLICT;
            case BIDDER_NOT_IN_STAGE, UNKNOWN_PRODUCT, NEGATIVE_QUANTITY, DEMAND_EXCEEDS_SUPPLY, DUPLICATE_BID,
                 BID_PRICE_OUT_OF_RANGE, NOT_A_BID_MULTIPLE, INTRA_ROUND_BIDS_NOT_ALLOWED, MAINTAIN_BELOW_CLOCK_PRICE,
                 SPECTRUM_CAP, INCREMENT_REQUIRED, INCREMENT_OUT_OF_RANGE, POSITION_NOT_WON,
                 ONE_POSITION_PER_MARKET -> RULE;
        };
    }

    static int of(SmraReasonCode reason) {
        return switch (reason) {
            case STAGE_ENDED -> CONFLICT;
            case BIDDER_NOT_IN_STAGE, DUPLICATE_ACTION, UNKNOWN_LICENCE, NEW_ENTRANTS_ONLY, ALREADY_STANDING_HIGH,
                 BELOW_MINIMUM_ACCEPTABLE_BID, NOT_A_BID_MULTIPLE, NOT_A_CLICK_BOX_AMOUNT, ELIGIBILITY_EXCEEDED,
                 SPECTRUM_CAP, NO_WAIVER_LEFT, WAIVER_AND_REDUCTION, WITHDRAWALS_NOT_ALLOWED,
                 NO_WITHDRAWAL_ROUNDS_LEFT, NOT_STANDING_HIGH_BIDDER, INCREMENT_REQUIRED, INCREMENT_OUT_OF_RANGE,
                 INCREMENT_NOT_REGULATED -> RULE;
        };
    }
}
