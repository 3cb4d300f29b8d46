package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import org.ngms.auction.assignment.picture.RationalisationPictures;
import org.ngms.directive.BandPlan;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.optimiser.rationalisation.BandHoldings;
import org.ngms.optimiser.rationalisation.CertifiedRationalisation;
import org.ngms.optimiser.rationalisation.Holder;
import org.ngms.optimiser.rationalisation.Rationalisation;
import org.ngms.shared.FrequencyRange;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Post-auction rationalisation of a band plan: every operator's holdings in the plan's stretch (incumbents'
 * EXISTING segments and the frequencies the assignment gave the winners) rearranged so that each operator's are
 * contiguous where possible, never changing how much anyone holds, guard bands and reserved spectrum fixed, with the
 * fewest operators split, then the fewest MHz retuned, then the fewest operators moved
 * ({@link CertifiedRationalisation}: OptaPlanner, certified by exhaustive search).
 *
 * <p>The stretch is cut into equal units, the greatest common divisor of its segments' and the category's block
 * widths, so that every segment is whole units (2600 MHz in 2026: a 4 MHz guard band and 19 blocks of 10 MHz give
 * units of 2 MHz).
 */
public final class Rationalisations {

    private Rationalisations() {
    }

    /** The plan's stretch as units, from its bottom ({@code lowKhz}), each unit's holder. */
    public record Band(String category, long lowKhz, long unitKhz, BandHoldings holdings) {
        public Band {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(holdings, "holdings");
        }
    }

    /**
     * The band of {@code category} after the auction: incumbents where the plan says, each winner on the ranges the
     * published outcome ({@code ngms-outcome/1}) gives it in the category, unsold blocks vacant.
     *
     * @throws IllegalArgumentException if the directive has no band plan for the category
     */
    public static Band after(PolicyDirective d, String category, JsonNode outcome) {
        BandPlan plan = d.bandPlan(category).orElseThrow(
                () -> new IllegalArgumentException("the directive has no band plan for category " + category));
        LotCategory c = d.lotCategory(category).orElseThrow();
        FrequencyRange span = plan.span().orElseThrow();
        long unit = c.blockMhz().khz();
        for (BandPlan.Segment s : plan.segments()) {
            unit = gcd(unit, s.range().toKhz() - s.range().fromKhz());
        }
        List<FrequencyRange> won = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        for (JsonNode w : JsonFields.list(outcome, "winners", x -> x)) {
            for (JsonNode f : w.path("frequencies")) {
                if (f.path("category").asString("").equals(category)) {
                    won.add(FrequencyRange.parse(f.has("range") ? f.get("range").asString()
                            : f.path("downlink").asString()));
                    winners.add(JsonFields.text(w, "bidder"));
                }
            }
        }
        List<Holder> blocks = new ArrayList<>();
        for (long from = span.fromKhz(); from < span.toKhz(); from += unit) {
            blocks.add(holder(plan, won, winners, from));
        }
        return new Band(category, span.fromKhz(), unit, new BandHoldings(c.band(), unit, blocks));
    }

    private static Holder holder(BandPlan plan, List<FrequencyRange> won, List<String> winners, long khz) {
        for (BandPlan.Segment s : plan.segments()) {
            if (khz < s.range().fromKhz() || khz >= s.range().toKhz()) {
                continue;
            }
            return switch (s.use()) {
                case GUARD -> Holder.fixed("guard");
                case RESERVED -> Holder.fixed("reserved");
                case EXISTING -> Holder.operator(s.holder().orElseThrow());
                case OFFERED -> {
                    for (int i = 0; i < won.size(); i++) {
                        if (khz >= won.get(i).fromKhz() && khz < won.get(i).toKhz()) {
                            yield Holder.operator(winners.get(i));
                        }
                    }
                    yield Holder.VACANT;
                }
            };
        }
        throw new IllegalStateException("no segment holds " + khz + " kHz");
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public static Rationalisation rationalise(Band band) {
        return new CertifiedRationalisation().rationalise(band.holdings());
    }

    /**
     * The record of a rationalisation: the band as units before and after (one word a unit, as
     * {@link BandHoldings#parse} reads them), the objective levels, MHz retuned, whether it is proven optimal and the
     * bound, and the method.
     */
    public static ObjectNode json(Band band, Rationalisation r) {
        ObjectNode o = JsonFields.object().put("category", band.category()).put("band", band.holdings().band())
                .put("lowMhz", new Mhz(band.lowKhz()).toString()).put("unitMhz", new Mhz(band.unitKhz()).toString())
                .put("before", row(band.holdings().blocks())).put("after", row(r.after()))
                .put("nonContiguous", r.nonContiguous()).put("blocksRetuned", r.blocksRetuned())
                .put("mhzRetuned", new Mhz(r.khzRetuned()).toString()).put("operatorsMoved", r.operatorsMoved())
                .put("provenOptimal", r.provenOptimal()).put("method", r.method())
                .put("nodesSearched", r.nodesSearched());
        o.putObject("bound").put("nonContiguous", r.bound().nonContiguous())
                .put("blocksRetuned", r.bound().blocksRetuned()).put("operatorsMoved", r.bound().operatorsMoved());
        return o;
    }

    /** The before/after picture of a recorded rationalisation ({@link #json}). */
    public static String svg(JsonNode recorded) {
        String band = JsonFields.text(recorded, "band");
        long lowKhz = Mhz.parse(JsonFields.text(recorded, "lowMhz")).khz();
        long unitKhz = Mhz.parse(JsonFields.text(recorded, "unitMhz")).khz();
        BandHoldings before = BandHoldings.parse(band, unitKhz, JsonFields.text(recorded, "before"));
        BandHoldings after = BandHoldings.parse(band, unitKhz, JsonFields.text(recorded, "after"));
        String title = band + " MHz (" + JsonFields.text(recorded, "category") + ")";
        return org.ngms.auction.assignment.picture.BandPlanSvg.beforeAfter(
                RationalisationPictures.picture(title, lowKhz, unitKhz, before.blocks()),
                RationalisationPictures.picture(title, lowKhz, unitKhz, after.blocks()));
    }

    /**
     * The band plan of {@code category} as a picture: as the directive lays it out (incumbents, guard bands,
     * reserved spectrum, the offered blocks), and, once the outcome is published, below it the band with the
     * frequencies the assignment gave the winners (unsold blocks vacant).
     */
    public static String planPicture(PolicyDirective d, String category, java.util.Optional<JsonNode> outcome) {
        BandPlan plan = d.bandPlan(category).orElseThrow(
                () -> new IllegalArgumentException("the directive has no band plan for category " + category));
        LotCategory c = d.lotCategory(category).orElseThrow();
        FrequencyRange span = plan.span().orElseThrow();
        String title = c.band() + " MHz (" + category + ")";
        List<org.ngms.auction.assignment.picture.Segment> segments = new ArrayList<>();
        for (BandPlan.Segment s : plan.segments()) {
            long from = s.range().fromKhz();
            long to = s.range().toKhz();
            segments.add(switch (s.use()) {
                case GUARD -> new org.ngms.auction.assignment.picture.Segment(from, to, "",
                        org.ngms.auction.assignment.picture.Segment.Kind.GUARD);
                case RESERVED -> new org.ngms.auction.assignment.picture.Segment(from, to, "reserved",
                        org.ngms.auction.assignment.picture.Segment.Kind.FIXED);
                case EXISTING -> new org.ngms.auction.assignment.picture.Segment(from, to, s.holder().orElseThrow(),
                        org.ngms.auction.assignment.picture.Segment.Kind.HOLDER);
                case OFFERED -> new org.ngms.auction.assignment.picture.Segment(from, to,
                        "offered: " + (to - from) / c.blockMhz().khz() + " × " + c.blockMhz() + " MHz",
                        org.ngms.auction.assignment.picture.Segment.Kind.VACANT);
            });
        }
        var before = new org.ngms.auction.assignment.picture.BandPlanPicture(title, span.fromKhz(), span.toKhz(),
                segments);
        if (outcome.isEmpty()) {
            return org.ngms.auction.assignment.picture.BandPlanSvg.render(before);
        }
        Band after = after(d, category, outcome.get());
        return org.ngms.auction.assignment.picture.BandPlanSvg.beforeAfter(before,
                RationalisationPictures.picture(title, after.lowKhz(), after.unitKhz(), after.holdings().blocks()));
    }

    private static String row(List<Holder> blocks) {
        StringJoiner row = new StringJoiner(" ");
        for (Holder h : blocks) {
            if (h instanceof Holder.Operator op) {
                row.add(op.id());
            } else if (h instanceof Holder.Fixed f) {
                row.add("#" + f.label());
            } else {
                row.add("-");
            }
        }
        return row.toString();
    }
}
