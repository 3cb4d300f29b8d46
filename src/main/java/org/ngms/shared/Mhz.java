package org.ngms.shared;

/**
 * An amount of spectrum, held exactly as whole kHz. Written as decimal MHz text ("0.2", "12.8", "348.5").
 */
public record Mhz(long khz) implements Comparable<Mhz> {

    public static final Mhz ZERO = new Mhz(0);

    public Mhz {
        if (khz < 0) {
            throw new IllegalArgumentException("spectrum must not be negative: " + khz + " kHz");
        }
    }

    /** Parses decimal MHz with at most three decimals (1 kHz resolution). */
    public static Mhz parse(String mhz) {
        return new Mhz(Decimals.parseScaled(mhz, 3));
    }

    public static Mhz ofMhz(long mhz) {
        return new Mhz(Math.multiplyExact(mhz, 1000L));
    }

    public Mhz plus(Mhz other) {
        return new Mhz(Math.addExact(khz, other.khz));
    }

    public Mhz times(long factor) {
        return new Mhz(Math.multiplyExact(khz, factor));
    }

    public boolean isPositive() {
        return khz > 0;
    }

    @Override
    public int compareTo(Mhz other) {
        return Long.compare(khz, other.khz);
    }

    /** Decimal MHz text, the form used in directives and canonical JSON. */
    @Override
    public String toString() {
        return Decimals.format(khz, 3);
    }
}
