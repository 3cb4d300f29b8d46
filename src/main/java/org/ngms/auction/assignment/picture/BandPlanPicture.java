package org.ngms.auction.assignment.picture;

import java.util.List;

/**
 * A band plan to draw: a title, the band's edges in kHz and its segments from the bottom up, sorted, not
 * overlapping and inside the band (a gap between segments is drawn empty). Frequencies are whole kHz, from 0 to
 * {@value #MAX_KHZ} kHz, so drawing them needs no floating point.
 */
public record BandPlanPicture(String title, long lowKhz, long highKhz, List<Segment> segments) {

    /** 10^12 kHz (1 PHz): far above any radio band, and low enough that scaling a frequency stays within a long. */
    public static final long MAX_KHZ = 1_000_000_000_000L;

    public BandPlanPicture {
        XmlText.require("title", title);
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (lowKhz < 0 || highKhz > MAX_KHZ || lowKhz >= highKhz) {
            throw new IllegalArgumentException("the band must run upwards within 0 to " + MAX_KHZ + " kHz: lowKhz "
                    + lowKhz + ", highKhz " + highKhz);
        }
        if (segments == null) {
            throw new IllegalArgumentException("segments must not be null");
        }
        segments = List.copyOf(segments);
        long previousHigh = lowKhz;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.lowKhz() < lowKhz || segment.highKhz() > highKhz) {
                throw new IllegalArgumentException("segments[" + i + "] (" + segment.reading() + ", "
                        + segment.lowKhz() + "–" + segment.highKhz() + " kHz) is outside the band " + lowKhz + "–"
                        + highKhz + " kHz");
            }
            if (segment.lowKhz() < previousHigh) {
                throw new IllegalArgumentException("segments[" + i + "] (" + segment.reading() + ", "
                        + segment.lowKhz() + "–" + segment.highKhz() + " kHz) starts below the end of the segment"
                        + " before it (" + previousHigh + " kHz): segments must be sorted and must not overlap");
            }
            previousHigh = segment.highKhz();
        }
    }
}
