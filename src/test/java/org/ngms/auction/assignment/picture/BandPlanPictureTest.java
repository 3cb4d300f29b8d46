package org.ngms.auction.assignment.picture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ngms.auction.assignment.picture.Segment.Kind;

class BandPlanPictureTest {

    @Test
    void refusesSegmentsOutsideTheBandOverlappingOrOutOfOrder() {
        assertThatThrownBy(() -> new BandPlanPicture("x", 1_000, 2_000,
                List.of(new Segment(500, 1_500, "A", Kind.HOLDER))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segments[0] (A, 500–1500 kHz) is outside the band 1000–2000 kHz");
        assertThatThrownBy(() -> new BandPlanPicture("x", 1_000, 2_000, List.of(
                new Segment(1_000, 1_600, "A", Kind.HOLDER), new Segment(1_500, 2_000, "B", Kind.HOLDER))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments[1] (B, 1500–2000 kHz) starts below the end of the segment before it");
        assertThatThrownBy(() -> new BandPlanPicture("x", 1_000, 2_000, List.of(
                new Segment(1_500, 2_000, "B", Kind.HOLDER), new Segment(1_000, 1_500, "A", Kind.HOLDER))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be sorted and must not overlap");
    }

    @Test
    void refusesEmptySegmentsBandsRunningDownwardsAndTextXmlCannotCarry() {
        assertThatThrownBy(() -> new Segment(1_000, 1_000, "A", Kind.HOLDER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end above where it starts");
        assertThatThrownBy(() -> new Segment(0, 1_000, " ", Kind.HOLDER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holder's name");
        assertThatThrownBy(() -> new BandPlanPicture("x", 2_000, 1_000, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the band must run upwards");
        assertThatThrownBy(() -> new BandPlanPicture("x", 0, BandPlanPicture.MAX_KHZ + 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within 0 to");
        assertThatThrownBy(() -> new BandPlanPicture(" ", 0, 1_000, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title must not be blank");
        assertThatThrownBy(() -> new Segment(0, 1_000, "bell\u0007", Kind.HOLDER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0007");
        assertThatThrownBy(() -> new BandPlanPicture("half \ud800 a pair", 0, 1_000, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+D800");
    }
}
