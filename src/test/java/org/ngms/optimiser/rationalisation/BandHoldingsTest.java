package org.ngms.optimiser.rationalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BandHoldingsTest {

    @Test
    void aBandIsReadOneBlockAWordFromTheBottom() {
        BandHoldings band = BandHoldings.parse("1800", 5_000, "A B - #guard A");
        assertThat(band.blocks()).containsExactly(Holder.operator("A"), Holder.operator("B"), Holder.VACANT,
                Holder.fixed("guard"), Holder.operator("A"));
        assertThat(band.operators()).containsExactly(Holder.operator("A"), Holder.operator("B"));
        assertThat(band.quantities()).isEqualTo(Map.of(Holder.operator("A"), 2, Holder.operator("B"), 1));
        assertThat(band.vacantCount()).isEqualTo(1);
    }

    @Test
    void operatorsAreOrderedByTheirLowestBlockNotByName() {
        assertThat(BandHoldings.parse("x", 1, "Z A Z").operators())
                .containsExactly(Holder.operator("Z"), Holder.operator("A"));
    }

    @Test
    void refusesABlankBandANonPositiveBlockAndNoBlocks() {
        assertThatThrownBy(() -> new BandHoldings(" ", 5_000, List.of(Holder.VACANT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band");
        assertThatThrownBy(() -> new BandHoldings("1800", 0, List.of(Holder.VACANT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockKhz must be positive: 0");
        assertThatThrownBy(() -> new BandHoldings("1800", 5_000, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocks must not be empty");
        List<Holder> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new BandHoldings("1800", 5_000, withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocks[0]");
        assertThatThrownBy(() -> Holder.operator(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operator id");
    }

    @Test
    void aPlanThatMovesAFixedBlockOrChangesAHoldingIsNotARearrangement() {
        BandHoldings band = BandHoldings.parse("1800", 5_000, "A #guard B -");
        assertThat(band.whyNotARearrangement(BandHoldings.parse("1800", 5_000, "B #guard - A").blocks())).isEmpty();
        assertThat(band.whyNotARearrangement(BandHoldings.parse("1800", 5_000, "#guard A B -").blocks()))
                .hasValueSatisfying(why -> assertThat(why).contains("fixed blocks stay"));
        assertThat(band.whyNotARearrangement(BandHoldings.parse("1800", 5_000, "A #guard B B").blocks()))
                .hasValueSatisfying(why -> assertThat(why).contains("holdings were"));
        assertThat(band.whyNotARearrangement(BandHoldings.parse("1800", 5_000, "A #link B -").blocks()))
                .hasValueSatisfying(why -> assertThat(why).contains("block 1"));
    }

    @Test
    void theTieOrderPutsOperatorsInTheirOrderAndVacancyLast() {
        BandHoldings band = BandHoldings.parse("1800", 5_000, "B A -");
        List<Holder> first = BandHoldings.parse("x", 1, "B A -").blocks();
        List<Holder> second = BandHoldings.parse("x", 1, "B - A").blocks();
        List<Holder> third = BandHoldings.parse("x", 1, "A B -").blocks();
        assertThat(band.tieOrder().compare(first, second)).isNegative();
        assertThat(band.tieOrder().compare(second, third)).isNegative();
    }

    @Test
    void aRationalisationIsProvenExactlyWhenItReachesItsBound() {
        List<Holder> after = BandHoldings.parse("x", 1, "A A").blocks();
        assertThatThrownBy(() -> new Rationalisation("x", 1, after, 0, 1, 1, true, new Objective(0, 0, 0), "m", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provenOptimal is true");
        assertThatThrownBy(() -> new Rationalisation("x", 1, after, 0, 0, 0, false, new Objective(0, 1, 0), "m", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("better than the bound");
    }

    @Test
    void objectivesCompareLevelByLevelNeverAddedUp() {
        assertThat(new Objective(0, 1_000, 6).isBetterThan(new Objective(1, 0, 0))).isTrue();
        assertThat(new Objective(1, 2, 6).isBetterThan(new Objective(1, 3, 0))).isTrue();
        assertThat(new Objective(1, 2, 2).isBetterThan(new Objective(1, 2, 3))).isTrue();
    }
}
