package org.ngms.auction.assignment.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ngms.auction.assignment.picture.Segment.Kind;
import org.ngms.optimiser.rationalisation.BandHoldings;
import org.ngms.optimiser.rationalisation.CertifiedRationalisation;

class RationalisationPicturesTest {

    @Test
    void runsOfOneHolderBecomeOneSegmentAndAGuardBlockAGuardBand() {
        BandHoldings band = BandHoldings.parse("1800 MHz", 5_000, "#guard A A - B #railway");
        BandPlanPicture picture = RationalisationPictures.picture("1800 MHz", 1_710_000, 5_000, band.blocks());
        assertThat(picture.highKhz()).isEqualTo(1_740_000);
        assertThat(picture.segments()).containsExactly(
                new Segment(1_710_000, 1_715_000, "", Kind.GUARD),
                new Segment(1_715_000, 1_725_000, "A", Kind.HOLDER),
                new Segment(1_725_000, 1_730_000, "", Kind.VACANT),
                new Segment(1_730_000, 1_735_000, "B", Kind.HOLDER),
                new Segment(1_735_000, 1_740_000, "railway", Kind.FIXED));
    }

    @Test
    void theInterleaved1800MhzBandIsDrawnBeforeAndAfterItsRationalisation() {
        BandHoldings band = BandHoldings.parse("1800 MHz", 5_000, "A B A C B C");
        String svg = RationalisationPictures.beforeAfter(band, new CertifiedRationalisation().rationalise(band),
                1_710_000);
        assertThat(svg).contains("<title>A: 1710–1715 MHz</title>", "<title>B: 1715–1720 MHz</title>",
                "<title>A: 1710–1720 MHz</title>", "<title>C: 1720–1730 MHz</title>",
                "<title>B: 1730–1740 MHz</title>", ">Before: 1800 MHz</text>", ">After: 1800 MHz</text>");
        assertThat(List.of(svg.split("<rect ")).stream().filter(r -> r.contains("<title>"))).hasSize(9);
    }
}
