package org.ngms.shared;

/**
 * A percentage held exactly as basis points (1% = 100 bp), written as decimal text ("5", "2.5").
 */
public record Percent(long basisPoints) implements Comparable<Percent> {

    public static final Percent HUNDRED = new Percent(10_000);

    public Percent {
        if (basisPoints < 0) {
            throw new IllegalArgumentException("percentage must not be negative: " + basisPoints + " bp");
        }
    }

    /** Parses a decimal percentage with at most two decimals (basis-point resolution). */
    public static Percent parse(String percent) {
        return new Percent(Decimals.parseScaled(percent, 2));
    }

    public static Percent of(long wholePercent) {
        return new Percent(Math.multiplyExact(wholePercent, 100L));
    }

    /** {@code amount × this}, rounded up to a whole unit: a deposit or a share that must be covered in full. */
    public long ofCeiling(long amount) {
        long product = Math.multiplyExact(amount, basisPoints);
        return Math.floorDiv(product + 9_999, 10_000);
    }

    @Override
    public int compareTo(Percent other) {
        return Long.compare(basisPoints, other.basisPoints);
    }

    @Override
    public String toString() {
        return Decimals.format(basisPoints, 2);
    }
}
