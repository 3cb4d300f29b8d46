package org.ngms.auction.smra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.shared.Percent;

/**
 * A 2014-like SMRA (PTA's Next Generation Mobile Services Award, 23 April 2014): 2100 MHz in two lots of 2×10 MHz at
 * a minimum of USD 295 m and two of 2×5 MHz at 147.5 m, one 1800 MHz lot of 2×10 MHz at 210 m; the regulator sets
 * each round's increment in 1–3 %; 3 waivers; at most 2×15 MHz of 2100 and 2×10 MHz of 1800 per bidder. The bid
 * sequence is scripted to reach the published result (Zong 2×10 of 2100 at about 306.92 m, Mobilink 2×10 at about
 * 300.9 m, Telenor and Ufone 2×5 each at 147.5 m, Zong 1800 at 210 m; about 7 rounds, waivers in rounds 5–7). The
 * activity requirement (30 % to round 4, then 100 %) and the bidding units are this test's assumptions, not the IM's.
 * A test of the engine only.
 */
class Pakistan2014SmraTest {

    private static final long M = 1_000_000;

    private static SmraSetup setup() {
        List<SmraLicence> licences = List.of(
                new SmraLicence("2100-A", "2100-2x10", "PK", "2100", 295 * M, 20, 20_000, false),
                new SmraLicence("2100-B", "2100-2x5", "PK", "2100", 147_500_000, 10, 10_000, false),
                new SmraLicence("2100-C", "2100-2x5", "PK", "2100", 147_500_000, 10, 10_000, false),
                new SmraLicence("2100-D", "2100-2x10", "PK", "2100", 295 * M, 20, 20_000, false),
                new SmraLicence("1800-E", "1800-2x10", "PK", "1800", 210 * M, 14, 20_000, false));
        List<SmraBidder> bidders = List.of(new SmraBidder("mobilink", false, 20, Map.of()),
                new SmraBidder("telenor", false, 30, Map.of()), new SmraBidder("ufone", false, 30, Map.of()),
                new SmraBidder("zong", false, 34, Map.of()));
        return new SmraSetup("smra", licences, bidders,
                List.of(SmraSetup.bandCap("2100", List.of("2100"), 30_000, licences, bidders),
                        SmraSetup.bandCap("1800", List.of("1800"), 20_000, licences, bidders)),
                new SmraIncrement.RegulatorRange(Percent.of(1), Percent.of(3)), SmraSetup.ClickBox.minimumOnly(),
                10_000, List.of(new SmraSetup.ActivityStage(1, Percent.of(30)),
                        new SmraSetup.ActivityStage(5, Percent.of(100))), 3, true, 0, Percent.of(15),
                SmraProcessorContract.SEED);
    }

    private static SmraStage round(SmraStage stage, Optional<Percent> increment, SmraActions... actions) {
        SmraPrices prices = stage.open(increment).orElseThrow();
        assertThat(stage.rejections(prices, List.of(actions))).as("round " + prices.round()).isEmpty();
        return stage.close(prices, List.of(actions));
    }

    @Test
    void theScriptedBidsReachThe2014Result() {
        Optional<Percent> two = Optional.of(Percent.of(2));
        Optional<Percent> one = Optional.of(Percent.of(1));
        SmraStage stage = SmraStage.start(setup());
        stage = round(stage, Optional.empty(), SmraActions.bid("mobilink", "2100-A", 295 * M),
                SmraActions.bid("telenor", "2100-B", 147_500_000),
                SmraActions.bids("ufone", new SmraBid("2100-C", 147_500_000), new SmraBid("2100-D", 295 * M)),
                SmraActions.bid("zong", "1800-E", 210 * M));
        stage = round(stage, two, SmraActions.bid("telenor", "2100-A", 300_900_000));
        stage = round(stage, two, SmraActions.bid("mobilink", "2100-D", 300_900_000));
        // 300.9 m × 1.02 = 306.918 m, rounded up to the bid multiple of 10,000
        assertThat(stage.open(two).orElseThrow().of("2100-A").minimumAcceptableBid()).isEqualTo(306_920_000);
        stage = round(stage, two, SmraActions.bid("zong", "2100-A", 306_920_000));
        stage = round(stage, one, SmraActions.waiver("ufone"));
        stage = round(stage, one, SmraActions.waiver("ufone"));
        assertThat(stage.ended()).isFalse();
        stage = round(stage, one);

        assertThat(stage.ended()).isTrue();
        SmraOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.rounds()).isEqualTo(7);
        assertThat(outcome.awards()).containsExactly(
                new SmraOutcome.Award("2100-A", "zong", 306_920_000),
                new SmraOutcome.Award("2100-B", "telenor", 147_500_000),
                new SmraOutcome.Award("2100-C", "ufone", 147_500_000),
                new SmraOutcome.Award("2100-D", "mobilink", 300_900_000),
                new SmraOutcome.Award("1800-E", "zong", 210 * M));
        assertThat(outcome.unsold()).isEmpty();
        assertThat(outcome.revenue()).isEqualTo(1_112_820_000L);
        assertThat(outcome.withdrawalPayments()).isEmpty();

        // waivers in rounds 5 to 7: Ufone's proactive ones, Telenor's automatic ones (holding 10 of 30 units)
        for (int r = 5; r <= 7; r++) {
            SmraRound round = stage.rounds().get(r - 1);
            assertThat(round.bidder("telenor").orElseThrow().waiver()).isEqualTo(SmraRound.Waiver.AUTOMATIC);
            assertThat(round.bidder("ufone").orElseThrow().waiver()).isEqualTo(
                    r < 7 ? SmraRound.Waiver.PROACTIVE : SmraRound.Waiver.AUTOMATIC);
        }
        for (int r = 1; r <= 4; r++) {
            assertThat(stage.rounds().get(r - 1).bidders()).extracting(SmraRound.BidderRound::waiver)
                    .containsOnly(SmraRound.Waiver.NONE);
        }
        assertThat(stage.state().bidder("telenor").waiversLeft()).isZero();
        assertThat(stage.state().bidder("ufone").eligibility()).isEqualTo(30);
    }

    @Test
    void theCapKeepsAHolderOfA2x10LotOffTheOther() {
        SmraStage stage = SmraStage.start(setup());
        stage = round(stage, Optional.empty(), SmraActions.bid("zong", "2100-A", 295 * M));
        SmraPrices prices = stage.open(Optional.of(Percent.of(3))).orElseThrow();
        assertThat(stage.rejections(prices, List.of(SmraActions.bid("zong", "2100-D", 295 * M))))
                .extracting(SmraRejection::reason).containsExactly(SmraReasonCode.SPECTRUM_CAP);
    }

    @Test
    void theSameActionsGiveTheSameBytesWithEitherProcessor() {
        SmraStage fast = SmraStage.start(setup());
        SmraStage reference = SmraStage.start(setup(), new ReferenceSmraProcessor());
        SmraActions[] r1 = {SmraActions.bid("mobilink", "2100-A", 295 * M), SmraActions.bid("zong", "2100-A", 295 * M),
                SmraActions.bid("telenor", "1800-E", 210 * M)};
        fast = round(fast, Optional.empty(), r1);
        reference = round(reference, Optional.empty(), r1);
        assertThat(SmraRoundJson.bytes(fast.rounds().get(0))).isEqualTo(SmraRoundJson.bytes(reference.rounds().get(0)));
    }
}
