package org.ngms.shared;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact conversion between decimal text ("12.8", "2.5") and integers of a fixed scale (kHz, basis points).
 * Directives state spectrum in MHz and shares in percent; the engine never holds them as floating point.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Parses {@code text} as a decimal and scales it by 10^{@code scale}; the result must be a whole number.
     *
     * @throws IllegalArgumentException if the text is not a plain decimal or has more than {@code scale} fraction digits
     */
    public static long parseScaled(String text, int scale) {
        if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("not a plain decimal number: " + text);
        }
        BigDecimal scaled = new BigDecimal(text).movePointRight(scale);
        try {
            BigInteger whole = scaled.toBigIntegerExact();
            return whole.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "more than " + scale + " decimal places or out of range: " + text);
        }
    }

    /**
     * Whether {@code d} has at most {@code digits} digits before and after its decimal point: checked before a
     * number from a request is written out or scaled, since {@code 1e999999999} is short to send and a billion digits
     * to expand.
     */
    public static boolean withinDigits(BigDecimal d, int digits) {
        long integerDigits = (long) d.precision() - d.scale();
        return integerDigits <= digits && d.scale() <= digits;
    }

    /** The shortest decimal text for {@code value / 10^scale}: no exponent, no trailing zeros. */
    public static String format(long value, int scale) {
        BigDecimal decimal = BigDecimal.valueOf(value, scale).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}
