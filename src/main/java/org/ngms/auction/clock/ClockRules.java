package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.Stage;
import org.ngms.shared.Percent;

/**
 * The rules of a clock stage, each a named function over immutable inputs. Processing itself is in
 * {@link ClockProcessor}; {@link ClockStage} strings these together round by round.
 */
public final class ClockRules {

    private ClockRules() {
    }

    // --- prices

    /** {@code value} rounded up to a whole multiple of {@code multiple}. */
    public static long roundUpToMultiple(long value, long multiple) {
        return Math.floorDiv(Math.addExact(value, multiple - 1), multiple) * multiple;
    }

    /**
     * The increment of a product whose demand exceeded supply in the previous round: the directive's percentage of
     * the reserve, of the posted price, or the regulator's percentage of the posted price for this round, rounded UP
     * to the bid multiple (so that the price always moves, and clock prices stay on the bid grid when the opening
     * price is on it). AJK & GB 2021: 3% of 4,350,000 = 130,500, rounded up to 131,000.
     */
    public static long increment(Stage.Increment rule, long reserve, long postedPrice, Percent percent,
                                 long bidMultiple) {
        long base = rule.basis() == Stage.IncrementBasis.PERCENT_OF_RESERVE ? reserve : postedPrice;
        return roundUpToMultiple(percent.ofCeiling(base), bidMultiple);
    }

    /**
     * The regulator's increment a round opens with: none unless the directive's basis is REGULATOR_RANGE (and none
     * for round 1, whose prices are the opening prices); otherwise the last one the regulator set for the round (while
     * the round before was open), or, if it set none, the range's minimum. The service opens rounds with it and the
     * verifier checks each ROUND_OPENED against it.
     */
    public static Optional<Percent> regulatorIncrement(Stage.Increment rule, Optional<Percent> setForRound,
                                                       int round) {
        if (rule.basis() != Stage.IncrementBasis.REGULATOR_RANGE || round < 2) {
            return Optional.empty();
        }
        return Optional.of(setForRound.orElse(rule.minPercent().orElse(new Percent(0))));
    }

    /**
     * The percentage that applies to a round: the directive's own, or for {@code REGULATOR_RANGE} the one the
     * regulator announces, which must lie in the published [min, max].
     */
    public static ClockDecision<Percent> incrementPercent(Stage.Increment rule, Optional<Percent> announced) {
        if (rule.basis() != Stage.IncrementBasis.REGULATOR_RANGE) {
            return ClockDecision.allowed(rule.percent().orElseThrow(
                    () -> new IllegalStateException("increment basis " + rule.basis() + " needs a percent")));
        }
        if (announced.isEmpty()) {
            return ClockDecision.rejected(new Rejection("", "", ClockReasonCode.INCREMENT_REQUIRED,
                    "the directive lets the regulator set each round's increment; none was given"));
        }
        Percent p = announced.get();
        Percent min = rule.minPercent().orElse(new Percent(0));
        Optional<Percent> max = rule.maxPercent();
        if (p.compareTo(min) < 0 || max.map(m -> p.compareTo(m) > 0).orElse(false)) {
            return ClockDecision.rejected(new Rejection("", "", ClockReasonCode.INCREMENT_OUT_OF_RANGE,
                    "increment " + p + "% is outside the published range [" + min + ", "
                            + max.map(Percent::toString).orElse("∞") + "] %"));
        }
        return ClockDecision.allowed(p);
    }

    /**
     * The clock price of a product: the start-of-round price plus the increment where the previous round ended with
     * excess demand; otherwise the price does not move.
     */
    public static long clockPrice(long startOfRound, boolean excessDemandLastRound, long increment) {
        return excessDemandLastRound ? Math.addExact(startOfRound, increment) : startOfRound;
    }

    // --- bids

    /**
     * Whether one bid may enter the round, given the bidder's processed demand carried in. A bid is rejected for an
     * unknown product, a negative quantity, more blocks than one bidder may hold, a price outside [SOR, CP], a price
     * off the bid multiple (the SOR and CP themselves are always allowed), an intra-round price where the stage has
     * none (and always in round 1, whose clock has not moved), a "maintain" below the clock price [S77], or a
     * quantity that would breach a cap together with the bidder's other processed demand and existing holdings
     * ("a bid that would breach a cap is not processed", PTA [S78][S79]). Bidding above eligibility is not a
     * rejection: processing applies what eligibility allows.
     */
    public static Optional<Rejection> validate(ClockSetup setup, ClockProduct product, RoundPrices prices,
                                               Map<String, Integer> processedDemand, Bid bid) {
        if (product == null || prices.of(bid.product()) == null) {
            return reject(bid, ClockReasonCode.UNKNOWN_PRODUCT, "product " + bid.product() + " is not in stage "
                    + setup.stageId());
        }
        String bidder = bid.bidder();
        if (bid.quantity() < 0) {
            return reject(bid, ClockReasonCode.NEGATIVE_QUANTITY, "quantity must not be negative, got "
                    + bid.quantity());
        }
        if (bid.quantity() > product.maxPerBidder()) {
            return reject(bid, ClockReasonCode.DEMAND_EXCEEDS_SUPPLY, "at most " + product.maxPerBidder()
                    + " blocks of " + product.id() + " per bidder, bid " + bid.quantity());
        }
        RoundPrices.Prices p = prices.of(bid.product());
        if (bid.price() < p.startOfRound() || bid.price() > p.clockPrice()) {
            return reject(bid, ClockReasonCode.BID_PRICE_OUT_OF_RANGE, "price " + bid.price() + " is outside ["
                    + p.startOfRound() + ", " + p.clockPrice() + "]");
        }
        boolean atClock = bid.price() == p.clockPrice();
        if (!atClock && !setup.intraRoundBids()) {
            return reject(bid, ClockReasonCode.INTRA_ROUND_BIDS_NOT_ALLOWED, "stage " + setup.stageId()
                    + " takes bids at the clock price " + p.clockPrice() + " only");
        }
        if (!atClock && bid.price() != p.startOfRound() && bid.price() % setup.bidMultiple() != 0) {
            return reject(bid, ClockReasonCode.NOT_A_BID_MULTIPLE, "price " + bid.price()
                    + " is not a multiple of " + setup.bidMultiple());
        }
        int current = processedDemand.getOrDefault(bid.product(), 0);
        if (!atClock && bid.quantity() == current) {
            return reject(bid, ClockReasonCode.MAINTAIN_BELOW_CLOCK_PRICE, "a bid that keeps demand at " + current
                    + " is made at the clock price " + p.clockPrice());
        }
        // a position's cap of one per market is the switch's: the bid set is judged whole (ClockStage), and
        // processing applies the increase once the decrease has made room
        if (bid.quantity() > current && setup.marketOf(bid.product()).isEmpty()) {
            for (CapRule cap : setup.caps()) {
                Long khz = cap.khzPerBlock().get(bid.product());
                if (khz == null) {
                    continue;
                }
                long used = cap.used(bidder, processedDemand) + khz * (bid.quantity() - current);
                if (used > cap.limitKhz()) {
                    return reject(bid, ClockReasonCode.SPECTRUM_CAP, "demand of " + bid.quantity() + " blocks of "
                            + bid.product() + " brings " + bidder + " to " + khzText(used) + " MHz, above cap "
                            + cap.id() + " of " + khzText(cap.limitKhz()) + " MHz");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(Bid bid, ClockReasonCode code, String message) {
        return Optional.of(new Rejection(bid.bidder(), bid.product(), code, message));
    }

    private static String khzText(long khz) {
        return new org.ngms.shared.Mhz(khz).toString();
    }

    /**
     * What a missing bid means, for a product the bidder holds demand in: MAINTAIN_AT_CLOCK_PRICE keeps the demand
     * (no bid to process, as FCC {@code fillMissingBids}); DROP_TO_ZERO is a bid of zero at the start-of-round
     * price, the last price the bidder accepted.
     */
    public static Optional<Bid> missingBid(Stage.MissingBid rule, String bidder, String product, int processed,
                                           RoundPrices.Prices prices) {
        if (processed == 0 || rule == Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE) {
            return Optional.empty();
        }
        return Optional.of(new Bid(bidder, product, 0, prices.startOfRound()));
    }

    // --- round 1

    /**
     * A round-1 minimum (2026: incumbents at least 5 lots of 2600 and of 3500 [S76]): the blocks the bidder's valid
     * round-1 bids ask for in the condition's categories. Below the minimum, the whole bid set is invalid and the
     * condition's consequence follows; the round goes on without the bidder.
     */
    public static Optional<ClockRound.Exclusion> firstRoundCondition(ClockSetup setup,
                                                                     Map<String, ClockProduct> products,
                                                                     ClockBidder bidder, List<Bid> validBids) {
        for (EligibilityCondition c : setup.firstRoundConditions()) {
            if (!c.appliesTo(bidder.newEntrant())) {
                continue;
            }
            int asked = 0;
            for (Bid bid : validBids) {
                ClockProduct p = products.get(bid.product());
                if (c.categories().contains(p.category())) {
                    asked += bid.quantity();
                }
            }
            int min = c.minBlocks().orElse(0);
            if (asked < min) {
                var consequence = c.consequence().orElse(EligibilityCondition.Consequence.BID_SET_INVALID);
                return Optional.of(new ClockRound.Exclusion(bidder.id(), c.id(), consequence,
                        "round 1 bids ask for " + asked + " blocks of " + c.categories() + ", at least " + min
                                + " required: the whole bid set is invalid (" + consequence + ")"));
            }
        }
        return Optional.empty();
    }

    // --- activity and eligibility

    /** Processed activity: bidding units of the processed demand. */
    public static long activity(ClockSetup setup, Map<String, Integer> demand) {
        long total = 0;
        for (ClockProduct p : setup.products()) {
            total += (long) p.eligibilityPoints() * demand.getOrDefault(p.id(), 0);
        }
        return total;
    }

    /**
     * Next round's eligibility: unchanged when processed activity is at least the requirement (α × eligibility);
     * otherwise activity / α, rounded down (FCC, FPC {@code newElig = activity·100/AR%}). Never above the current
     * eligibility, so eligibility never rises. Clock stages have no waivers.
     */
    public static int nextEligibility(int eligibility, long activity, Percent requirement) {
        if (activity * 10_000 >= requirement.basisPoints() * (long) eligibility) {
            return eligibility;
        }
        return (int) Math.min(eligibility, activity * 10_000 / requirement.basisPoints());
    }

    // --- stopping and success

    /** The stage ends after the first round in which no product has excess demand. */
    public static boolean stageEnds(ClockRound round) {
        return !round.hasExcessDemand();
    }

    /** The success criterion: sold MHz at least the required share of the MHz offered in the stage. */
    public static boolean successful(long soldKhz, long offeredKhz, Percent required) {
        return soldKhz * 10_000 >= required.basisPoints() * offeredKhz;
    }

    static List<Bid> sorted(List<Bid> bids) {
        List<Bid> copy = new ArrayList<>(bids);
        copy.sort(java.util.Comparator.comparing(Bid::bidder).thenComparing(Bid::product));
        return copy;
    }
}
