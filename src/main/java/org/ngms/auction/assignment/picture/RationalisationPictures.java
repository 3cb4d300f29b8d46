package org.ngms.auction.assignment.picture;

import java.util.ArrayList;
import java.util.List;

import org.ngms.auction.assignment.picture.Segment.Kind;
import org.ngms.optimiser.rationalisation.BandHoldings;
import org.ngms.optimiser.rationalisation.Holder;
import org.ngms.optimiser.rationalisation.Rationalisation;

/**
 * Pictures of a band rationalisation: a row of blocks becomes one segment per run of blocks with the same holder (an
 * operator's id as a holder, vacant, a fixed block labelled "guard" as a guard band, any other fixed block as fixed
 * with its label), the band starting at {@code lowKhz}.
 */
public final class RationalisationPictures {

    private RationalisationPictures() {
    }

    public static BandPlanPicture picture(String title, long lowKhz, long blockKhz, List<Holder> blocks) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= blocks.size(); i++) {
            if (i == blocks.size() || !blocks.get(i).equals(blocks.get(start))) {
                segments.add(segment(blocks.get(start), lowKhz + start * blockKhz, lowKhz + i * blockKhz));
                start = i;
            }
        }
        return new BandPlanPicture(title, lowKhz, lowKhz + blocks.size() * blockKhz, segments);
    }

    /** The band as it was and as the rationalisation leaves it, one SVG. */
    public static String beforeAfter(BandHoldings band, Rationalisation plan, long lowKhz) {
        return BandPlanSvg.beforeAfter(picture(band.band(), lowKhz, band.blockKhz(), band.blocks()),
                picture(band.band(), lowKhz, band.blockKhz(), plan.after()));
    }

    private static Segment segment(Holder holder, long lowKhz, long highKhz) {
        if (holder instanceof Holder.Operator operator) {
            return new Segment(lowKhz, highKhz, operator.id(), Kind.HOLDER);
        }
        if (holder instanceof Holder.Fixed fixed) {
            return fixed.label().equalsIgnoreCase("guard") ? new Segment(lowKhz, highKhz, "", Kind.GUARD)
                    : new Segment(lowKhz, highKhz, fixed.label(), Kind.FIXED);
        }
        return new Segment(lowKhz, highKhz, "", Kind.VACANT);
    }
}
