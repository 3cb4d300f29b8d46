package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.Money;
import org.ngms.shared.Percent;

/**
 * One stage of the auction format. A directive's format is a pipeline of stages: an allocation stage first
 * (sealed demand at reserve, clock, SMRA or sealed package bids), possibly an ascending stage that the sealed stage
 * escalates to, possibly a supplementary sealed package round, and assignment stages last.
 */
public sealed interface Stage {

    String id();

    /** The stage's type as written in the directive. */
    StageType type();

    /** Lot categories this stage covers; empty means every category (or, for an escalation target, those escalated). */
    List<String> categories();

    enum StageType { SEALED_DEMAND_AT_RESERVE, CLOCK, SMRA, SEALED_PACKAGE, ASSIGNMENT }

    /** Stages that decide who wins how much spectrum. */
    sealed interface AllocationStage extends Stage {
    }

    /**
     * Pre-bid offers at reserve (PTA 2014-2021): each bidder states its demand per product at the reserve price;
     * products where total demand is at most supply are awarded at reserve, the others go to {@code escalateTo}.
     * {@code escalation} says what goes with an over-demanded product: the product alone, or every product of its
     * band and licence area that the escalation stage covers (PTA 2014: all four 2100 MHz lots went to the SMRA).
     */
    record SealedDemandAtReserve(String id, List<String> categories, Optional<String> escalateTo,
                                 Escalation escalation) implements AllocationStage {
        public SealedDemandAtReserve {
            Objects.requireNonNull(id, "id");
            categories = List.copyOf(categories);
            Objects.requireNonNull(escalateTo, "escalateTo");
            Objects.requireNonNull(escalation, "escalation");
        }

        @Override
        public StageType type() {
            return StageType.SEALED_DEMAND_AT_RESERVE;
        }
    }

    /** An ascending clock stage with per-product prices, intra-round bids and an activity rule. */
    record Clock(String id, List<String> categories, int firstRoundMinutes, int roundMinutes, Increment increment,
                 boolean intraRoundBids, Money bidMultiple, MissingBid missingBid, Percent activityRequirement)
            implements AllocationStage {
        public Clock {
            Objects.requireNonNull(id, "id");
            categories = List.copyOf(categories);
            Objects.requireNonNull(increment, "increment");
            Objects.requireNonNull(bidMultiple, "bidMultiple");
            Objects.requireNonNull(missingBid, "missingBid");
            Objects.requireNonNull(activityRequirement, "activityRequirement");
        }

        @Override
        public StageType type() {
            return StageType.CLOCK;
        }
    }

    /**
     * Simultaneous multiple-round ascending auction, lot by lot, with increments, activity and waivers. The increment
     * is {@code incrementRule}: a percentage the regulator announces each round within [minIncrement, maxIncrement]
     * (PTA 2014), a fixed percentage (min = max), or the FCC's activity-based formula (bounded by min and max, with
     * {@code activityWeight}). Bids are multiples of {@code bidMultiple}; a bidder may bid the minimum acceptable bid
     * or up to {@code clickBoxIncrements} increments above it. The activity requirement is
     * {@code activityRequirement} from round 1, or {@code activityStages} when given (e.g. 80/90/100 %).
     */
    record Smra(String id, List<String> categories, int roundMinutes, Percent minIncrement, Percent maxIncrement,
                Percent activityRequirement, int waivers, boolean withdrawalsAllowed, SmraIncrementRule incrementRule,
                Percent activityWeight, Money bidMultiple, int clickBoxIncrements, List<ActivityStage> activityStages,
                boolean automaticWaivers, int withdrawalRounds, Percent interimWithdrawalPayment)
            implements AllocationStage {
        public Smra {
            Objects.requireNonNull(id, "id");
            categories = List.copyOf(categories);
            Objects.requireNonNull(minIncrement, "minIncrement");
            Objects.requireNonNull(maxIncrement, "maxIncrement");
            Objects.requireNonNull(activityRequirement, "activityRequirement");
            Objects.requireNonNull(incrementRule, "incrementRule");
            Objects.requireNonNull(activityWeight, "activityWeight");
            Objects.requireNonNull(bidMultiple, "bidMultiple");
            activityStages = List.copyOf(activityStages);
            Objects.requireNonNull(interimWithdrawalPayment, "interimWithdrawalPayment");
        }

        @Override
        public StageType type() {
            return StageType.SMRA;
        }

        /** The activity requirement by round: the stages given, else the one requirement from round 1. */
        public List<ActivityStage> activity() {
            return activityStages.isEmpty() ? List.of(new ActivityStage(1, activityRequirement)) : activityStages;
        }
    }

    /**
     * What escalates from a sealed stage at reserve: CATEGORY, each over-demanded category alone; BAND, with an
     * over-demanded category every other category of its band and licence area in the escalation stage's scope,
     * whatever its demand (nothing of the band is awarded at reserve then).
     */
    enum Escalation { CATEGORY, BAND }

    enum SmraIncrementRule { REGULATOR_RANGE, FIXED, ACTIVITY_BASED }

    /** From round {@code fromRound} on, a bidder's activity must be at least {@code percent} of its eligibility. */
    record ActivityStage(int fromRound, Percent percent) {
        public ActivityStage {
            Objects.requireNonNull(percent, "percent");
        }
    }

    /** One sealed round of XOR package bids, priced by {@code pricing}. */
    record SealedPackage(String id, List<String> categories, PackagePricing pricing, int maxPackagesPerBidder)
            implements AllocationStage {
        public SealedPackage {
            Objects.requireNonNull(id, "id");
            categories = List.copyOf(categories);
            Objects.requireNonNull(pricing, "pricing");
        }

        @Override
        public StageType type() {
            return StageType.SEALED_PACKAGE;
        }
    }

    /**
     * Frequency assignment of generic lots already won, priced on top of the allocation price. POSITION_CLOCK (PTA
     * 2026) runs a clock over each market's positions with {@code clock}'s timing and increment; SEALED_BIDS (FCC,
     * Ofcom, ISED) takes one sealed round of bids on frequency-specific options, open for {@code sealedMinutes}
     * from its opening, {@code grouping} saying which areas form one market. Amounts are in multiples of {@code bidMultiple}.
     */
    record Assignment(String id, List<String> categories, AssignmentMethod method, Money openingPrice,
                      AssignmentPricing pricing, Money bidMultiple, Optional<PositionClock> clock,
                      AssignmentGrouping grouping, Optional<Integer> sealedMinutes) implements Stage {
        public Assignment {
            Objects.requireNonNull(id, "id");
            categories = List.copyOf(categories);
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(openingPrice, "openingPrice");
            Objects.requireNonNull(pricing, "pricing");
            Objects.requireNonNull(bidMultiple, "bidMultiple");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(grouping, "grouping");
            Objects.requireNonNull(sealedMinutes, "sealedMinutes");
        }

        @Override
        public StageType type() {
            return StageType.ASSIGNMENT;
        }
    }

    /**
     * The rules of a position clock: round lengths, the increment (a percentage of the lot category's reserve per
     * block, since positions open at zero) and where the unsold blocks of a market go.
     */
    record PositionClock(int firstRoundMinutes, int roundMinutes, Increment increment, UnsoldAt unsoldAt) {
        public PositionClock {
            Objects.requireNonNull(increment, "increment");
            Objects.requireNonNull(unsoldAt, "unsoldAt");
        }
    }

    enum UnsoldAt { TOP, BOTTOM }

    /**
     * Which areas of a band form one sealed assignment market: each category alone, or (FCC Auction 110) the
     * categories of a band whose band plans match and whose winners won the same quantities, assigned the same
     * frequencies everywhere.
     */
    enum AssignmentGrouping { EACH_CATEGORY, SAME_WINNERS_AND_QUANTITIES }

    /**
     * How a clock price rises on a product with excess demand: a percentage of the reserve, a percentage of the
     * posted price, or a value the regulator sets each round within [minPercent, maxPercent] of the posted price.
     */
    record Increment(IncrementBasis basis, Optional<Percent> percent, Optional<Percent> minPercent,
                     Optional<Percent> maxPercent) {
        public Increment {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(percent, "percent");
            Objects.requireNonNull(minPercent, "minPercent");
            Objects.requireNonNull(maxPercent, "maxPercent");
        }
    }

    enum IncrementBasis { PERCENT_OF_RESERVE, PERCENT_OF_POSTED_PRICE, REGULATOR_RANGE }

    /** What a bidder's missing bid in a round means. */
    enum MissingBid { MAINTAIN_AT_CLOCK_PRICE, DROP_TO_ZERO }

    enum PackagePricing { PAY_AS_BID, RESERVE, VCG, CORE_NEAREST_VCG }

    enum AssignmentMethod { POSITION_CLOCK, SEALED_BIDS }

    enum AssignmentPricing { PAY_IN_ADDITION, CORE_NEAREST_VCG }
}
