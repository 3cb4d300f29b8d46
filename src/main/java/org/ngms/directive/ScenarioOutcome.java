package org.ngms.directive;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.shared.Money;

/**
 * What a real auction ended with (from {@code outcome.yaml}): the blocks and price of each award, the blocks left
 * unsold, the revenue of the stages the replay covers, the revenue as published when it differs, the number of rounds
 * per ascending stage when published, and notes on discrepancies. Replays of the scenario are checked against it.
 */
public record ScenarioOutcome(String directive, List<Award> awards, Map<String, Integer> unsold, Money revenue,
                              Optional<Money> reportedRevenue, Map<String, Integer> rounds, List<String> notes,
                              Optional<Assignment> assignment) {

    /**
     * What was published of an assignment stage: its revenue and some winners' assignment prices, each as reported
     * ({@code amount}, within {@code within} either side: "about USD 3 m" is 3,000,000 within 500,000), and the MHz
     * each winner holds per band after it, each holding contiguous.
     */
    public record Assignment(String stage, Money revenue, Money revenueWithin, List<Price> prices,
                             List<Holding> holdings) {
        public Assignment {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(revenueWithin, "revenueWithin");
            prices = List.copyOf(prices);
            holdings = List.copyOf(holdings);
        }
    }

    public record Price(String bidder, Money price, Money within) {
    }

    public record Holding(String bidder, String band, org.ngms.shared.Mhz mhz) {
    }

    public static final String SCHEMA = "ngms-outcome/1";

    public ScenarioOutcome {
        Objects.requireNonNull(directive, "directive");
        awards = List.copyOf(awards);
        unsold = blockCounts("unsold", unsold);
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(reportedRevenue, "reportedRevenue");
        rounds = blockCounts("rounds", rounds);
        notes = List.copyOf(notes);
        Objects.requireNonNull(assignment, "assignment");
    }

    /** The award of {@code bidder}, if it won anything. */
    public Optional<Award> award(String bidder) {
        return awards.stream().filter(a -> a.bidder().equals(bidder)).findFirst();
    }

    /** Blocks of {@code category} awarded to anyone. */
    public int awarded(String category) {
        return awards.stream().mapToInt(a -> a.lots().getOrDefault(category, 0)).sum();
    }

    /** The blocks won in each lot category and the total price paid for them, in whole units of the auction currency. */
    public record Award(String bidder, Map<String, Integer> lots, Money price) {
        public Award {
            Objects.requireNonNull(bidder, "bidder");
            lots = blockCounts("lots of " + bidder, lots);
            if (lots.isEmpty()) {
                throw new IllegalArgumentException("award to " + bidder + " must name at least one lot");
            }
            Objects.requireNonNull(price, "price");
        }
    }

    /** An unmodifiable, key-sorted copy of a count per identifier, refusing counts below one. */
    static Map<String, Integer> blockCounts(String what, Map<String, Integer> counts) {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, count) -> {
            Objects.requireNonNull(key, what);
            if (count == null || count < 1) {
                throw new IllegalArgumentException(what + ": the count for " + key + " must be at least 1, got " + count);
            }
            copy.put(key, count);
        });
        return Collections.unmodifiableMap(copy);
    }
}
