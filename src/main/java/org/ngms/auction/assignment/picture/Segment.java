package org.ngms.auction.assignment.picture;

/**
 * One stretch of a band plan, {@code lowKhz} (inclusive) to {@code highKhz} (exclusive), what it is and its label:
 * the holder's name for a {@link Kind#HOLDER} (which picks its colour), anything or nothing for the others (a blank
 * label reads as the kind: "vacant", "guard band", "fixed", "unsold").
 */
public record Segment(long lowKhz, long highKhz, String label, Kind kind) {

    /** What a stretch is; every kind but a holder is drawn in grey or a grey pattern. */
    public enum Kind {
        HOLDER("holder"),
        VACANT("vacant"),
        GUARD("guard band"),
        FIXED("fixed"),
        UNSOLD("unsold");

        private final String reading;

        Kind(String reading) {
            this.reading = reading;
        }

        /** How a blank label of this kind reads. */
        public String reading() {
            return reading;
        }
    }

    public Segment {
        if (kind == null) {
            throw new IllegalArgumentException("segment kind must not be null");
        }
        XmlText.require("segment label", label);
        if (kind == Kind.HOLDER && label.isBlank()) {
            throw new IllegalArgumentException("a holder's segment needs the holder's name as its label, at "
                    + lowKhz + "–" + highKhz + " kHz");
        }
        if (lowKhz >= highKhz) {
            throw new IllegalArgumentException("segment " + label + " must end above where it starts: lowKhz "
                    + lowKhz + ", highKhz " + highKhz);
        }
    }

    /** The label, or the kind's reading when the label is blank. */
    public String reading() {
        return label.isBlank() ? kind.reading() : label;
    }
}
