package org.ngms.auction.assignment.picture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ngms.auction.assignment.picture.Segment.Kind;

/**
 * Draws band plans as SVG text. No SVG or XML library: a picture is a few rectangles, lines and texts, and writing
 * them directly keeps the bytes under this class's control (the same picture gives the same bytes, which a library's
 * serialiser need not promise) with nothing to add to the build.
 *
 * <p>The picture is accessible: {@code role="img"} with a {@code <title>} and a {@code <desc>} that lists every
 * segment, each segment a {@code <rect>} with its own {@code <title>} tooltip ("Jazz: 2300–2320 MHz") and its label
 * written on it when it fits. It scales to the width of its container through its {@code viewBox}; coordinates are
 * user units with three decimals, computed in whole numbers from kHz, and axis ticks stand at every segment edge,
 * labelled in MHz to the kHz ("2496", "2500.5"), never through floating point.
 *
 * <p>Colours: each holder's label hashes (32-bit FNV-1a of its UTF-8 bytes) to one of nine colours of Paul Tol's
 * "muted" scheme, made to be told apart with any colour vision; when two holders of one drawing would share a colour,
 * the one later in label order takes the next free colour, so a drawing shows two holders in one colour only when
 * it has more than nine. Text on a colour is black or white, whichever contrasts at least 4.5:1. Everything else is
 * grey: vacant plain light grey, unsold hatched, a guard band densely hatched, fixed blocks cross-hatched.
 */
public final class BandPlanSvg {

    private static final String[] PALETTE = {"#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77",
        "#CC6677", "#882255", "#AA4499"};
    private static final boolean[] WHITE_TEXT = {true, false, false, true, false, false, false, true, true};

    /** Drawing sizes in thousandths of a user unit. */
    private static final long WIDTH = 1_000_000;
    private static final long LEFT = 40_000;
    private static final long PLOT = 920_000;
    private static final long ROW = 125_000;
    private static final long HEADING = 20_000;
    private static final long BAR_TOP = 30_000;
    private static final long BAR = 60_000;
    private static final long TICK = 6_000;
    private static final long TICK_LABEL = 112_000;
    private static final long LABEL_CHAR = 7_500;
    private static final long LABEL_PADDING = 8_000;
    private static final long TICK_CHAR = 7_000;
    private static final long TICK_GAP = 4_000;

    private BandPlanSvg() {
    }

    /** One band plan. */
    public static String render(BandPlanPicture picture) {
        return document(List.of(new Row(null, picture)), picture.lowKhz(), picture.highKhz());
    }

    /**
     * Two plans of one band, one row each, headed "Before" and "After", on one frequency scale (from the lower of
     * the two low edges to the higher of the two high edges) so that a block is drawn at the same place in both, and
     * with one colour per holder across both rows.
     */
    public static String beforeAfter(BandPlanPicture before, BandPlanPicture after) {
        return document(List.of(new Row("Before", before), new Row("After", after)),
                Math.min(before.lowKhz(), after.lowKhz()), Math.max(before.highKhz(), after.highKhz()));
    }

    private record Row(String heading, BandPlanPicture picture) {

        String title() {
            return heading == null ? picture.title() : heading + ": " + picture.title();
        }
    }

    private static String document(List<Row> rows, long lowKhz, long highKhz) {
        Scale scale = new Scale(lowKhz, highKhz);
        Map<String, Integer> colours = colours(rows);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(units(WIDTH)).append(' ')
                .append(units(rows.size() * ROW + 10_000)).append("\" width=\"100%\" role=\"img\"")
                .append(" aria-labelledby=\"bp-title bp-desc\" font-family=\"sans-serif\">\n");
        svg.append("<title id=\"bp-title\">").append(text(documentTitle(rows))).append("</title>\n");
        svg.append("<desc id=\"bp-desc\">").append(text(description(rows))).append("</desc>\n");
        patterns(svg, rows);
        for (int r = 0; r < rows.size(); r++) {
            row(svg, rows.get(r), r * ROW, scale, colours);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String documentTitle(List<Row> rows) {
        if (rows.size() == 1 || rows.get(0).picture().title().equals(rows.get(1).picture().title())) {
            return rows.get(0).picture().title() + (rows.size() == 1 ? "" : ": before and after");
        }
        return rows.get(0).title() + "; " + rows.get(1).title();
    }

    private static String description(List<Row> rows) {
        StringBuilder desc = new StringBuilder();
        for (Row row : rows) {
            BandPlanPicture picture = row.picture();
            desc.append(desc.isEmpty() ? "" : " ").append(row.title()).append(", ")
                    .append(range(picture.lowKhz(), picture.highKhz())).append(':');
            if (picture.segments().isEmpty()) {
                desc.append(" nothing assigned");
            }
            for (int i = 0; i < picture.segments().size(); i++) {
                Segment segment = picture.segments().get(i);
                desc.append(i == 0 ? " " : "; ").append(segment.reading()).append(' ')
                        .append(range(segment.lowKhz(), segment.highKhz()));
            }
            desc.append('.');
        }
        return desc.toString();
    }

    private static void patterns(StringBuilder svg, List<Row> rows) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        rows.forEach(row -> row.picture().segments().forEach(segment -> kinds.add(segment.kind())));
        if (!kinds.contains(Kind.UNSOLD) && !kinds.contains(Kind.GUARD) && !kinds.contains(Kind.FIXED)) {
            return;
        }
        svg.append("<defs>\n");
        if (kinds.contains(Kind.GUARD)) {
            svg.append("<pattern id=\"bp-guard\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"")
                    .append(" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#BDBDBD\"/>")
                    .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#505050\" stroke-width=\"3\"/>")
                    .append("</pattern>\n");
        }
        if (kinds.contains(Kind.FIXED)) {
            svg.append("<pattern id=\"bp-fixed\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">")
                    .append("<rect width=\"8\" height=\"8\" fill=\"#E8E8E8\"/>")
                    .append("<path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#505050\" stroke-width=\"1\"/></pattern>\n");
        }
        if (kinds.contains(Kind.UNSOLD)) {
            svg.append("<pattern id=\"bp-unsold\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\"")
                    .append(" patternTransform=\"rotate(45)\"><rect width=\"10\" height=\"10\" fill=\"#FFFFFF\"/>")
                    .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"10\" stroke=\"#767676\" stroke-width=\"2\"/>")
                    .append("</pattern>\n");
        }
        svg.append("</defs>\n");
    }

    private static void row(StringBuilder svg, Row row, long top, Scale scale, Map<String, Integer> colours) {
        BandPlanPicture picture = row.picture();
        svg.append("<g>\n");
        svg.append("<text x=\"").append(units(LEFT)).append("\" y=\"").append(units(top + HEADING))
                .append("\" font-size=\"16\" font-weight=\"bold\">").append(text(row.title())).append("</text>\n");
        svg.append("<text x=\"").append(units(LEFT + PLOT)).append("\" y=\"").append(units(top + HEADING))
                .append("\" font-size=\"12\" text-anchor=\"end\" aria-hidden=\"true\">MHz</text>\n");
        long bandLeft = scale.x(picture.lowKhz());
        svg.append("<rect x=\"").append(units(bandLeft)).append("\" y=\"").append(units(top + BAR_TOP))
                .append("\" width=\"").append(units(scale.x(picture.highKhz()) - bandLeft)).append("\" height=\"")
                .append(units(BAR)).append("\" fill=\"#FFFFFF\" stroke=\"#767676\"/>\n");
        for (Segment segment : picture.segments()) {
            segment(svg, segment, top, scale, colours);
        }
        axis(svg, picture, top, scale);
        svg.append("</g>\n");
    }

    private static void segment(StringBuilder svg, Segment segment, long top, Scale scale,
            Map<String, Integer> colours) {
        long left = scale.x(segment.lowKhz());
        long width = scale.x(segment.highKhz()) - left;
        String fill;
        String ink = "#000000";
        switch (segment.kind()) {
            case HOLDER -> {
                int colour = colours.get(segment.label());
                fill = PALETTE[colour];
                ink = WHITE_TEXT[colour] ? "#FFFFFF" : "#000000";
            }
            case VACANT -> fill = "#E8E8E8";
            case GUARD -> fill = "url(#bp-guard)";
            case FIXED -> fill = "url(#bp-fixed)";
            default -> fill = "url(#bp-unsold)";
        }
        svg.append("<rect x=\"").append(units(left)).append("\" y=\"").append(units(top + BAR_TOP))
                .append("\" width=\"").append(units(width)).append("\" height=\"").append(units(BAR))
                .append("\" fill=\"").append(fill).append("\" stroke=\"#FFFFFF\" stroke-width=\"1\"><title>")
                .append(text(segment.reading() + ": " + range(segment.lowKhz(), segment.highKhz())))
                .append("</title></rect>\n");
        String label = segment.reading();
        if (width >= label.codePointCount(0, label.length()) * LABEL_CHAR + LABEL_PADDING) {
            svg.append("<text x=\"").append(units(left + width / 2)).append("\" y=\"")
                    .append(units(top + BAR_TOP + BAR / 2)).append("\" font-size=\"13\" text-anchor=\"middle\"")
                    .append(" dominant-baseline=\"central\" fill=\"").append(ink).append('"');
            if (segment.kind() != Kind.HOLDER) {
                svg.append(" stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\"");
            }
            svg.append(" aria-hidden=\"true\">").append(text(label)).append("</text>\n");
        }
    }

    /** A tick at each edge; a tick's label only where it does not run into the one before (the top edge's always). */
    private static void axis(StringBuilder svg, BandPlanPicture picture, long top, Scale scale) {
        TreeSet<Long> edges = new TreeSet<>(List.of(picture.lowKhz(), picture.highKhz()));
        for (Segment segment : picture.segments()) {
            edges.add(segment.lowKhz());
            edges.add(segment.highKhz());
        }
        List<Long> labelled = new ArrayList<>();
        for (long edge : edges) {
            boolean highest = edge == picture.highKhz();
            while (highest && labelled.size() > 1 && collide(labelled.get(labelled.size() - 1), edge, scale)) {
                labelled.remove(labelled.size() - 1);
            }
            if (labelled.isEmpty() || !collide(labelled.get(labelled.size() - 1), edge, scale)) {
                labelled.add(edge);
            }
        }
        svg.append("<g aria-hidden=\"true\" font-size=\"12\" text-anchor=\"middle\" fill=\"#000000\">\n");
        long barBottom = top + BAR_TOP + BAR;
        for (long edge : edges) {
            String x = units(scale.x(edge));
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(units(barBottom)).append("\" x2=\"")
                    .append(x).append("\" y2=\"").append(units(barBottom + TICK)).append("\" stroke=\"#000000\"/>\n");
            if (labelled.contains(edge)) {
                svg.append("<text x=\"").append(x).append("\" y=\"").append(units(top + TICK_LABEL)).append("\">")
                        .append(mhz(edge)).append("</text>\n");
            }
        }
        svg.append("</g>\n");
    }

    private static boolean collide(long lower, long upper, Scale scale) {
        long lowerEnd = scale.x(lower) + mhz(lower).length() * TICK_CHAR / 2;
        long upperStart = scale.x(upper) - mhz(upper).length() * TICK_CHAR / 2;
        return upperStart < lowerEnd + TICK_GAP;
    }

    /** Holders' colours: each label its hash's colour, or the next free one, in label order across all rows. */
    private static Map<String, Integer> colours(List<Row> rows) {
        TreeSet<String> labels = new TreeSet<>();
        rows.forEach(row -> row.picture().segments().stream()
                .filter(segment -> segment.kind() == Kind.HOLDER)
                .forEach(segment -> labels.add(segment.label())));
        Map<String, Integer> colours = new TreeMap<>();
        boolean[] taken = new boolean[PALETTE.length];
        int free = PALETTE.length;
        for (String label : labels) {
            int colour = Integer.remainderUnsigned(fnv1a(label), PALETTE.length);
            while (free > 0 && taken[colour]) {
                colour = (colour + 1) % PALETTE.length;
            }
            if (free > 0) {
                taken[colour] = true;
                free--;
            }
            colours.put(label, colour);
        }
        return colours;
    }

    static int fnv1a(String label) {
        int hash = 0x811c9dc5;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }

    /** kHz as MHz, to the kHz, trailing zeros dropped: 2496000 is "2496", 2500500 is "2500.5". */
    static String mhz(long khz) {
        return thousandths(khz);
    }

    private static String range(long lowKhz, long highKhz) {
        return mhz(lowKhz) + "–" + mhz(highKhz) + " MHz";
    }

    /** Thousandths of a user unit as a number of user units: 123456 is "123.456", 120500 is "120.5". */
    static String units(long thousandths) {
        return thousandths(thousandths);
    }

    /** A whole number of thousandths (never negative here) in decimal, trailing zeros and point dropped. */
    private static String thousandths(long value) {
        long whole = value / 1000;
        long fraction = value % 1000;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(1000 + fraction).substring(1);
        return whole + "." + digits.replaceAll("0+$", "");
    }

    private static String text(String value) {
        return XmlText.escape(value);
    }

    /** kHz to x, in thousandths of a user unit, rounded half up, within the plot's width. */
    private record Scale(long lowKhz, long highKhz) {

        long x(long khz) {
            long span = highKhz - lowKhz;
            return LEFT + ((khz - lowKhz) * PLOT * 2 + span) / (2 * span);
        }
    }
}
