package org.ngms.shared;

/**
 * A contiguous frequency range [from, to) in kHz, written "1762.3-1785" (MHz).
 */
public record FrequencyRange(long fromKhz, long toKhz) {

    public FrequencyRange {
        if (fromKhz < 0 || toKhz <= fromKhz) {
            throw new IllegalArgumentException(
                    "frequency range must have 0 <= from < to, got " + fromKhz + "-" + toKhz + " kHz");
        }
    }

    /** Parses "FROM-TO" in MHz, each with at most three decimals. */
    public static FrequencyRange parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected FROM-TO in MHz, e.g. 1710-1785: " + text);
        }
        long from = Decimals.parseScaled(parts[0].trim(), 3);
        long to = Decimals.parseScaled(parts[1].trim(), 3);
        if (to <= from) {
            throw new IllegalArgumentException("range end must be above its start: " + text);
        }
        return new FrequencyRange(from, to);
    }

    public Mhz width() {
        return new Mhz(toKhz - fromKhz);
    }

    public boolean contains(FrequencyRange other) {
        return fromKhz <= other.fromKhz && other.toKhz <= toKhz;
    }

    public boolean overlaps(FrequencyRange other) {
        return fromKhz < other.toKhz && other.fromKhz < toKhz;
    }

    @Override
    public String toString() {
        return Decimals.format(fromKhz, 3) + "-" + Decimals.format(toKhz, 3);
    }
}
