package org.ngms.auction.smra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.shared.Percent;

/**
 * The FCC's worked example of the activity-based increment (Auction 66 procedures, Attachment C), with the FCC's
 * constants C = 0.5, N = 10 %, M = 20 %: A_1 = 0.5 × 2 = 1 and I_2 = min(2 × 10 %, 20 %) = 20 %; A_2 = 0.5 × 3 +
 * 0.5 × 1 = 2 and I_3 = min(3 × 10 %, 20 %) = 20 %.
 */
class FccActivityBasedIncrementTest {

    private static final SmraIncrement.ActivityBased FCC = SmraIncrement.ActivityBased.fcc();
    private static final SmraLicence LICENCE = new SmraLicence("L", "L", "US", "b", 500_000, 10, 0, false);

    private static SmraState.LicenceState standing(long bid, long index) {
        return new SmraState.LicenceState(SmraState.Holding.STANDING, Optional.of("x"), bid, 0, index);
    }

    @Test
    void twoBidsOnAProvisionallyWinningBidOfOneMillionGiveAMinimumOfOnePointTwoMillion() {
        long a1 = SmraRules.nextActivityIndex(FCC, 0, 2);
        assertThat(a1).isEqualTo(SmraRules.INDEX_SCALE);
        Percent i2 = SmraRules.activityBased(FCC, a1);
        assertThat(i2).isEqualTo(Percent.of(20));
        assertThat(SmraRules.minimumAcceptableBid(LICENCE, standing(1_000_000, a1), i2, 1)).isEqualTo(1_200_000);
    }

    @Test
    void threeBidsOnAProvisionallyWinningBidOfTwoMillionGiveAMinimumOfTwoPointFourMillion() {
        long a2 = SmraRules.nextActivityIndex(FCC, SmraRules.INDEX_SCALE, 3);
        assertThat(a2).isEqualTo(2 * SmraRules.INDEX_SCALE);
        Percent i3 = SmraRules.activityBased(FCC, a2);
        assertThat(i3).as("(1 + 2) × 10 % = 30 %, capped at 20 %").isEqualTo(Percent.of(20));
        assertThat(SmraRules.minimumAcceptableBid(LICENCE, standing(2_000_000, a2), i3, 1)).isEqualTo(2_400_000);
    }

    @Test
    void aLicenceWithoutBidsDecaysTowardsTheMinimumIncrement() {
        long a = SmraRules.nextActivityIndex(FCC, 2 * SmraRules.INDEX_SCALE, 0);
        assertThat(a).isEqualTo(SmraRules.INDEX_SCALE);
        assertThat(SmraRules.activityBased(FCC, SmraRules.nextActivityIndex(FCC, 0, 0))).isEqualTo(Percent.of(10));
    }

    @Test
    void theWorkedExampleHoldsThroughAStageWithClickBoxBids() {
        // click box: MAB + k × (MAB × 33.33 %, rounded up to 10,000): 1.2 m, 1.6 m, 2.0 m, ... in round 2
        List<SmraBidder> bidders = List.of("a", "b", "c", "d", "e").stream()
                .map(id -> new SmraBidder(id, false, 10, Map.of())).toList();
        SmraSetup setup = new SmraSetup("smra", List.of(new SmraLicence("L", "L", "US", "b", 1_000_000, 10, 0,
                false)), bidders, List.of(), FCC, new SmraSetup.ClickBox(8, new Percent(3333)), 10_000,
                List.of(new SmraSetup.ActivityStage(1, Percent.of(100))), 3, true, 0, Percent.of(15),
                SmraProcessorContract.SEED);
        SmraStage stage = SmraStage.start(setup);
        stage = stage.close(stage.open(Optional.empty()).orElseThrow(), List.of(SmraActions.bid("a", "L", 1_000_000),
                SmraActions.bid("b", "L", 1_000_000)));
        SmraPrices round2 = stage.open(Optional.empty()).orElseThrow();
        assertThat(round2.of("L").minimumAcceptableBid()).isEqualTo(1_200_000);
        assertThat(round2.of("L").clickBox()).startsWith(1_200_000L, 1_600_000L, 2_000_000L);
        stage = stage.close(round2, List.of(SmraActions.bid("c", "L", 2_000_000), SmraActions.bid("d", "L", 1_600_000),
                SmraActions.bid("e", "L", 1_200_000)));
        assertThat(stage.state().licence("L").standingBidder()).contains("c");
        assertThat(stage.open(Optional.empty()).orElseThrow().of("L").minimumAcceptableBid()).isEqualTo(2_400_000);
    }
}
