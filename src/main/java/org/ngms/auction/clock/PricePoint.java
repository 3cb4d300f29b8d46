package org.ngms.auction.clock;

/**
 * Where a bid's price lies between the start-of-round price and the clock price: {@code (x − SOR) / (CP − SOR)}, an
 * exact fraction in [0, 1]. A bid at the clock price is at 1; when the clock did not move (CP = SOR) every bid is at
 * the clock price and so at 1. Never floating point (the FPC demo's integer cast collapsed every intra-round point to
 * 0; docs/formats/clock.md §4).
 */
public record PricePoint(long numerator, long denominator) implements Comparable<PricePoint> {

    public static final PricePoint CLOCK = new PricePoint(1, 1);

    public PricePoint {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a price point is a fraction in [0, 1], got " + numerator + "/"
                    + denominator);
        }
    }

    /** The price point of {@code price} in the round whose prices are [{@code sor}, {@code cp}]. */
    public static PricePoint of(long price, long sor, long cp) {
        if (cp == sor) {
            return CLOCK;
        }
        return new PricePoint(price - sor, cp - sor);
    }

    /** Exact comparison by 128-bit cross multiplication: a/b ? c/d as a·d ? c·b. */
    @Override
    public int compareTo(PricePoint other) {
        return compareProducts(numerator, other.denominator, other.numerator, denominator);
    }

    /** Compares a·b with c·d for non-negative longs without overflow. */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /** Percent text with up to six decimals, truncated: for display only, never for ordering. */
    public String percentText() {
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(numerator).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(denominator), 6, java.math.RoundingMode.DOWN)
                .stripTrailingZeros();
        return value.toPlainString();
    }
}
