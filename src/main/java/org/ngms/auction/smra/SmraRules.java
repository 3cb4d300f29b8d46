package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ngms.shared.Percent;

/**
 * The SMRA's rules as named functions over immutable inputs, shared by both processors: the round's increment, the
 * minimum acceptable bid and the click box, the FCC activity index, the activity requirement and eligibility, the tie
 * numbers' context. Integer arithmetic only; every rounding is stated.
 */
public final class SmraRules {

    /** The FCC activity index is held in ten-thousandths: 10,000 is an index of 1. */
    public static final long INDEX_SCALE = 10_000;

    private SmraRules() {
    }

    /**
     * The regulator's increment for a round. Only {@link SmraIncrement.RegulatorRange} takes one: from round 2 it is
     * required and must lie in the published range (in round 1 every minimum acceptable bid is the minimum opening
     * bid, so it may be left out). Other rules refuse one.
     */
    public static SmraDecision<Optional<Percent>> regulatorIncrement(SmraIncrement rule, int round,
                                                                   Optional<Percent> announced) {
        if (!(rule instanceof SmraIncrement.RegulatorRange range)) {
            return announced.isPresent()
                    ? SmraDecision.rejected(new SmraRejection("", "", SmraReasonCode.INCREMENT_NOT_REGULATED,
                            "the increment rule " + rule + " does not take a regulator's increment"))
                    : SmraDecision.allowed(Optional.empty());
        }
        if (announced.isEmpty()) {
            return round == 1 ? SmraDecision.allowed(Optional.empty())
                    : SmraDecision.rejected(new SmraRejection("", "", SmraReasonCode.INCREMENT_REQUIRED,
                            "round " + round + " needs the regulator's increment in [" + range.min() + ", "
                                    + range.max() + "] %"));
        }
        if (!range.contains(announced.get())) {
            return SmraDecision.rejected(new SmraRejection("", "", SmraReasonCode.INCREMENT_OUT_OF_RANGE,
                    "increment " + announced.get() + " % is outside [" + range.min() + ", " + range.max() + "] %"));
        }
        return SmraDecision.allowed(announced);
    }

    /**
     * The percentage applied to a licence's standing high bid: the fixed one, the regulator's announced one, or the
     * FCC's {@code min((1 + A)·N, M)} from the licence's activity index A (rounded down to a basis point).
     */
    public static Percent increment(SmraIncrement rule, Optional<Percent> regulator, long activityIndex) {
        if (rule instanceof SmraIncrement.FixedPercent f) {
            return f.percent();
        }
        if (rule instanceof SmraIncrement.RegulatorRange r) {
            return regulator.orElse(r.min());
        }
        return activityBased((SmraIncrement.ActivityBased) rule, activityIndex);
    }

    /** The FCC increment {@code I = min((1 + A)·N, M)}, A in ten-thousandths, rounded down to a basis point. */
    public static Percent activityBased(SmraIncrement.ActivityBased rule, long activityIndex) {
        long scaled = Math.multiplyExact(INDEX_SCALE + activityIndex, rule.minimum().basisPoints()) / INDEX_SCALE;
        return new Percent(Math.min(scaled, rule.maximum().basisPoints()));
    }

    /**
     * The FCC activity index after a round with {@code bids} bids on the licence: {@code C·B + (1−C)·A_prev}, in
     * ten-thousandths, rounded down.
     */
    public static long nextActivityIndex(SmraIncrement.ActivityBased rule, long previous, int bids) {
        long c = rule.weight().basisPoints();
        long weighted = c * bids * INDEX_SCALE + (10_000 - c) * previous;
        return weighted / 10_000;
    }

    /**
     * A licence's minimum acceptable bid. No bid yet: the minimum opening bid. Held by the regulator after a
     * withdrawal: the highest bid on it neither standing nor withdrawn (the FCC's "second-highest bid"), or the
     * minimum opening bid if there is none. Standing high bid {@code PWB}: {@code PWB × (1 + increment)}, the
     * percentage rounded up to a whole unit, the result rounded up to the bid multiple.
     */
    public static long minimumAcceptableBid(SmraLicence licence, SmraState.LicenceState state, Percent increment,
                                            long bidMultiple) {
        return switch (state.holding()) {
            case NO_BID -> licence.minimumOpeningBid();
            case REGULATOR_HELD -> state.runnerUpBid() > 0 ? state.runnerUpBid() : licence.minimumOpeningBid();
            case STANDING -> roundUp(Math.addExact(state.standingBid(), percentCeiling(state.standingBid(),
                    increment)), bidMultiple);
        };
    }

    /** {@code amount × percent} rounded up to a whole unit, without overflow for any amount of money. */
    public static long percentCeiling(long amount, Percent percent) {
        long bp = percent.basisPoints();
        long whole = Math.multiplyExact(amount / 10_000, bp);
        long rest = Math.multiplyExact(amount % 10_000, bp);
        return Math.addExact(whole, Math.floorDiv(rest + 9_999, 10_000));
    }

    /** The smallest multiple of {@code multiple} at or above {@code amount}. */
    public static long roundUp(long amount, long multiple) {
        return Math.multiplyExact(Math.floorDiv(Math.addExact(amount, multiple - 1), multiple), multiple);
    }

    /**
     * The click box: the minimum acceptable bid, then {@code MAB + k × step} for k = 1..additional, with
     * {@code step = MAB × additional %} rounded up to the bid multiple.
     */
    public static List<Long> clickBox(long minimumAcceptableBid, SmraSetup.ClickBox box, long bidMultiple) {
        List<Long> amounts = new ArrayList<>(box.additional() + 1);
        amounts.add(minimumAcceptableBid);
        if (box.additional() > 0) {
            long step = roundUp(percentCeiling(minimumAcceptableBid, box.additionalIncrement()), bidMultiple);
            for (int k = 1; k <= box.additional(); k++) {
                amounts.add(Math.addExact(minimumAcceptableBid, Math.multiplyExact(step, k)));
            }
        }
        return amounts;
    }

    /** Whether activity falls short of the requirement: {@code activity < α × eligibility}, exactly. */
    public static boolean shortOfActivity(int eligibility, long activity, Percent requirement) {
        return activity * 10_000 < requirement.basisPoints() * (long) eligibility;
    }

    /**
     * Eligibility without a waiver: unchanged when activity meets the requirement; otherwise activity / α, rounded
     * down to whole bidding units (the FCC's {@code E(t+1) = activity(t)/α}); never above the current eligibility,
     * so eligibility never rises.
     */
    public static int reducedEligibility(int eligibility, long activity, Percent requirement) {
        if (!shortOfActivity(eligibility, activity, requirement)) {
            return eligibility;
        }
        return (int) Math.min(eligibility, activity * 10_000 / requirement.basisPoints());
    }

    /** Tie-number context of a bid: every tie number is HMAC-SHA-256(seed, this), recomputable once the seed is out. */
    public static String tieContext(String stage, int round, String bidder, String licence) {
        return "smra/" + stage + "/round/" + round + "/bid/" + bidder + "/" + licence;
    }
}
