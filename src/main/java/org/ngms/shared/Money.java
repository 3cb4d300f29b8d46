package org.ngms.shared;

/**
 * An amount of money in whole units of the auction currency (USD for every Pakistani directive).
 * Never floating point. Bounded by {@link #MAX} so that every amount is exact in canonical JSON (RFC 8785
 * serialises numbers as IEEE doubles, exact up to 2^53).
 */
public record Money(long amount) implements Comparable<Money> {

    /** One quadrillion: far above any spectrum fee and below 2^53. */
    public static final long MAX = 1_000_000_000_000_000L;

    public static final Money ZERO = new Money(0);

    public Money {
        if (amount < 0 || amount > MAX) {
            throw new IllegalArgumentException("money must be between 0 and " + MAX + ": " + amount);
        }
    }

    public static Money of(long amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(amount, other.amount));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amount, factor));
    }

    public Money percentCeiling(Percent percent) {
        return new Money(percent.ofCeiling(amount));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return Long.toString(amount);
    }
}
