package org.ngms.optimiser.rationalisation;

/**
 * Planning fact: a holder, an operator (by id) or, when {@code operator} is null, vacant; {@code rank} is its place
 * in the operator order, vacant last.
 */
public record PlanningHolder(int rank, String operator) {

    public PlanningHolder {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must not be negative: " + rank);
        }
    }

    public static PlanningHolder vacant(int rank) {
        return new PlanningHolder(rank, null);
    }

    public boolean isOperator() {
        return operator != null;
    }
}
