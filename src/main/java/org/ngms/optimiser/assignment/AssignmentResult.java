package org.ngms.optimiser.assignment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Winner determination of one market with its certificate: the option chosen per winner (in the market's winner
 * order; empty unless OPTIMAL or FEASIBLE), their total bid {@code value}, a {@code bound} that no complete assignment
 * exceeds, and the {@code status}. OPTIMAL means value equals bound, proven by the exhaustive search.
 * {@code tieRuleApplied} says the chosen assignment is the one {@link AssignmentTieRule} picks among the optimal ones
 * (false only when the node budget ran out while applying it). {@code method} names what ran, {@code foundBy} which
 * method's assignment first reached the value, {@code nodes} counts the exhaustive search's nodes (deterministic),
 * and {@code detail} says in a sentence what happened.
 */
public record AssignmentResult(String market, AssignmentStatus status, Map<String, String> chosen, long value,
        long bound, boolean tieRuleApplied, String method, String foundBy, long nodes, String detail) {

    public AssignmentResult {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(foundBy, "foundBy");
        Objects.requireNonNull(detail, "detail");
        chosen = Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
        if (bound < value) {
            throw new IllegalArgumentException("bound " + bound + " is below value " + value);
        }
        if (status == AssignmentStatus.OPTIMAL && value != bound) {
            throw new IllegalArgumentException("OPTIMAL but value " + value + " differs from bound " + bound);
        }
        boolean assigned = status == AssignmentStatus.OPTIMAL || status == AssignmentStatus.FEASIBLE;
        if (assigned == chosen.isEmpty()) {
            throw new IllegalArgumentException(status + " with " + chosen.size() + " chosen options");
        }
        if (tieRuleApplied && status != AssignmentStatus.OPTIMAL) {
            throw new IllegalArgumentException("the tie rule applies among optimal assignments only, status " + status);
        }
        if (nodes < 0) {
            throw new IllegalArgumentException("nodes must not be negative: " + nodes);
        }
    }

    public boolean provenOptimal() {
        return status == AssignmentStatus.OPTIMAL;
    }
}
