package org.ngms.auction.smra;

import java.util.Objects;

import org.ngms.shared.Percent;

/**
 * How a licence's minimum acceptable bid rises above its standing high bid each round: {@code PWB × (1 + increment)},
 * rounded up to the bid multiple ({@link SmraRules#minimumAcceptableBid}). Every increment is positive, so the
 * minimum acceptable bid is always above the standing high bid and the auction cannot cycle.
 */
public sealed interface SmraIncrement {

    /** The same percentage every round. */
    record FixedPercent(Percent percent) implements SmraIncrement {
        public FixedPercent {
            positive("percent", percent);
        }
    }

    /**
     * The regulator announces each round's percentage within a published range (PTA 2014: 1–3 % per round, set by
     * the auction committee).
     */
    record RegulatorRange(Percent min, Percent max) implements SmraIncrement {
        public RegulatorRange {
            positive("min", min);
            positive("max", max);
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("increment range [" + min + ", " + max + "] % is empty");
            }
        }

        public boolean contains(Percent percent) {
            return percent.compareTo(min) >= 0 && percent.compareTo(max) <= 0;
        }
    }

    /**
     * The FCC's activity-based increment (Auction 66 procedures, Attachment C; re-used in later SMR auctions): per
     * licence an activity index {@code A_t = C·B_t + (1−C)·A_{t−1}}, {@code A_0 = 0}, with {@code B_t} the number
     * of bids on the licence in round t, and the next round's increment {@code I_{t+1} = min((1 + A_t)·N, M)}.
     * The FCC's constants are C = 0.5, N = 10 %, M = 20 %.
     */
    record ActivityBased(Percent weight, Percent minimum, Percent maximum) implements SmraIncrement {
        public ActivityBased {
            Objects.requireNonNull(weight, "weight");
            if (weight.compareTo(Percent.HUNDRED) > 0) {
                throw new IllegalArgumentException("weight C must be at most 100 %, got " + weight);
            }
            positive("minimum", minimum);
            positive("maximum", maximum);
            if (minimum.compareTo(maximum) > 0) {
                throw new IllegalArgumentException("increment bounds [" + minimum + ", " + maximum + "] % are empty");
            }
        }

        /** The FCC's constants: C = 0.5, N = 10 %, M = 20 %. */
        public static ActivityBased fcc() {
            return new ActivityBased(Percent.of(50), Percent.of(10), Percent.of(20));
        }
    }

    private static void positive(String field, Percent percent) {
        Objects.requireNonNull(percent, field);
        if (percent.basisPoints() < 1) {
            throw new IllegalArgumentException(field + " must be above 0 %, got " + percent);
        }
    }
}
