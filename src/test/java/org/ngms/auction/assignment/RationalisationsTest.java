package org.ngms.auction.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.optimiser.rationalisation.Rationalisation;
import org.ngms.shared.JsonFields;
import org.ngms.support.Scenarios;

import tools.jackson.databind.node.ObjectNode;

/** Rationalising a band plan after the 2026 assignment: from the plan and the outcome's frequencies. */
class RationalisationsTest {

    /** The outcome of the 2026 script of PositionClockTest, with an allocation of nothing but its winners. */
    static ObjectNode outcome(PolicyDirective d) {
        Stage.Assignment stage = (Stage.Assignment) d.stage("assignment").orElseThrow();
        List<AssignmentMarket> markets = AssignmentMarkets.of(d, stage, PositionClockTest.WON);
        ClockStage s = ClockStage.start(PositionClocks.setup(d, stage, markets, Map.of(), PositionClockTest.SEED));
        s = PositionClockTest.round(s, PositionClockTest.bid("zong", "2600.bottom", 1, 0),
                PositionClockTest.bid("jazz", "2600.bottom", 1, 0), PositionClockTest.bid("ufone", "2600.top", 1, 0),
                PositionClockTest.bid("ufone", "3500.bottom", 1, 0), PositionClockTest.bid("jazz", "3500.middle", 1, 0),
                PositionClockTest.bid("zong", "3500.top", 1, 0));
        s = PositionClockTest.round(s, PositionClockTest.bid("jazz", "2600.bottom", 0, 0),
                PositionClockTest.bid("jazz", "2600.middle", 1, 0));
        FrequencyAssignment a = PositionClocks.assign(stage, markets, s.outcome().orElseThrow());
        ObjectNode allocation = JsonFields.object().put("revenue", 0);
        var winners = allocation.putArray("winners");
        for (String bidder : List.of("jazz", "ufone", "zong")) {
            winners.addObject().put("bidder", bidder).put("price", 0).putArray("payments");
        }
        return AssignmentJson.outcome(d, allocation, a);
    }

    @Test
    void theTwoThousandTwentySixBandsAreAlreadyContiguousAndNothingIsRetuned() {
        PolicyDirective d = PositionClockTest.PK2026;

        Rationalisations.Band band = Rationalisations.after(d, "2600", outcome(d));
        Rationalisation r = Rationalisations.rationalise(band);

        assertThat(band.unitKhz()).isEqualTo(2_000);
        assertThat(band.holdings().blocks()).hasSize(97);
        assertThat(r.provenOptimal()).isTrue();
        assertThat(r.nonContiguous()).isZero();
        assertThat(r.blocksRetuned()).isZero();
        assertThat(r.after()).isEqualTo(band.holdings().blocks());
    }

    @Test
    void anIncumbentsHoldingCutOffByReservedSpectrumMovesNextToWhatItWonTheFewestMhzRetuned() {
        // zong already holds 3300-3320; below the reserved 3320-3400 it cannot join its 3570-3620 won in 2026
        PolicyDirective d = SealedFixtures.directive(Scenarios.directiveYaml("pk-5g-2026")
                .replace("  - { operator: zong,  band: \"2100\", mhz: \"20\" }",
                        "  - { operator: zong,  band: \"2100\", mhz: \"20\" }\n  - { operator: zong,  band: \"3500\", mhz: \"20\" }")
                .replace("{ range: \"3300-3400\", use: RESERVED }",
                        "{ range: \"3300-3320\", use: EXISTING, holder: zong }\n      - { range: \"3320-3400\", use: RESERVED }"));

        Rationalisations.Band band = Rationalisations.after(d, "3500", outcome(d));
        Rationalisation r = Rationalisations.rationalise(band);
        ObjectNode json = Rationalisations.json(band, r);

        assertThat(band.unitKhz()).isEqualTo(10_000);
        assertThat(r.provenOptimal()).isTrue();
        assertThat(r.nonContiguous()).isZero();
        assertThat(json.get("mhzRetuned").asString()).isEqualTo("20");
        assertThat(r.operatorsMoved()).isEqualTo(1);
        // units of 10 MHz from 3300: zong's two bottom units go vacant, the two above 3620 become zong's
        assertThat(json.get("after").asString()).startsWith("- - #reserved").contains("zong zong zong zong zong zong zong -");
        String svg = Rationalisations.svg(json);
        assertThat(svg).startsWith("<svg").contains("Before").contains("After").contains("zong");
    }
}
