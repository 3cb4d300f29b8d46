package org.ngms.auction.smra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.audit.Randomness;
import org.ngms.auction.clock.CapRule;
import org.ngms.shared.Percent;

/**
 * The SMRA's rules one by one, each run against the naive reference and the incremental processor alike: minimum
 * acceptable bids and click boxes, eligibility and activity, waivers, withdrawals, caps, new-entrant licences, the
 * regulator's increment, tie numbers and the stopping rule.
 */
abstract class SmraProcessorContract {

    static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    abstract SmraProcessor processor();

    /**
     * A setup to adjust: licences A (10 units, 20 MHz) and B (5 units, 10 MHz) in band "x", bidders x, y, z (z a new
     * entrant) with 15 units each, 10 % fixed increment, 100 % activity, 3 automatic waivers, no withdrawals.
     */
    static final class Fixture {
        List<SmraLicence> licences = new ArrayList<>(List.of(
                new SmraLicence("A", "A", "PK", "x", 1_000_000, 10, 20_000, false),
                new SmraLicence("B", "B", "PK", "x", 500_000, 5, 10_000, false)));
        List<SmraBidder> bidders = new ArrayList<>(List.of(new SmraBidder("x", false, 15, Map.of()),
                new SmraBidder("y", false, 15, Map.of()), new SmraBidder("z", true, 15, Map.of())));
        List<CapRule> caps = new ArrayList<>();
        SmraIncrement increment = new SmraIncrement.FixedPercent(Percent.of(10));
        SmraSetup.ClickBox clickBox = SmraSetup.ClickBox.minimumOnly();
        long multiple = 1000;
        List<SmraSetup.ActivityStage> activity = List.of(new SmraSetup.ActivityStage(1, Percent.of(100)));
        int waivers = 3;
        boolean automaticWaivers = true;
        int withdrawalRounds = 0;
        Percent interim = Percent.of(15);

        SmraSetup setup() {
            return new SmraSetup("smra", licences, bidders, caps, increment, clickBox, multiple, activity, waivers,
                    automaticWaivers, withdrawalRounds, interim, SEED);
        }
    }

    SmraStage start(Fixture f) {
        return SmraStage.start(f.setup(), processor());
    }

    static SmraPrices prices(SmraStage stage) {
        return stage.open(Optional.empty()).orElseThrow();
    }

    static SmraStage round(SmraStage stage, SmraActions... actions) {
        return stage.close(prices(stage), List.of(actions));
    }

    static List<SmraReasonCode> reasons(SmraStage stage, SmraActions... actions) {
        return stage.rejections(prices(stage), List.of(actions)).stream().map(SmraRejection::reason).toList();
    }

    @Test
    void rejectsABidBelowTheMinimumAcceptableBid() {
        SmraStage stage = round(start(new Fixture()), SmraActions.bid("x", "A", 1_000_000));
        assertThat(prices(stage).of("A").minimumAcceptableBid()).isEqualTo(1_100_000);
        assertThat(reasons(stage, SmraActions.bid("y", "A", 1_099_000)))
                .containsExactly(SmraReasonCode.BELOW_MINIMUM_ACCEPTABLE_BID);
        assertThat(reasons(stage, SmraActions.bid("y", "A", 1_100_000))).isEmpty();
    }

    @Test
    void rejectsAnAmountNotInTheClickBox() {
        Fixture f = new Fixture();
        f.clickBox = new SmraSetup.ClickBox(2, Percent.of(5));
        SmraStage stage = start(f);
        assertThat(prices(stage).of("A").clickBox()).containsExactly(1_000_000L, 1_050_000L, 1_100_000L);
        assertThat(reasons(stage, SmraActions.bid("x", "A", 1_060_000)))
                .containsExactly(SmraReasonCode.NOT_A_CLICK_BOX_AMOUNT);
        assertThat(reasons(stage, SmraActions.bid("x", "A", 1_050_500)))
                .containsExactly(SmraReasonCode.NOT_A_BID_MULTIPLE);
        assertThat(reasons(stage, SmraActions.bid("x", "A", 1_100_000))).isEmpty();
    }

    @Test
    void aBidAboveEligibilityIsRejected() {
        Fixture f = new Fixture();
        f.bidders.set(0, new SmraBidder("x", false, 12, Map.of()));
        SmraStage stage = start(f);
        var rejections = stage.rejections(prices(stage), List.of(SmraActions.bids("x",
                new SmraBid("A", 1_000_000), new SmraBid("B", 500_000))));
        assertThat(rejections).extracting(SmraRejection::licence, SmraRejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", SmraReasonCode.ELIGIBILITY_EXCEEDED));
    }

    @Test
    void standingHighBidsCountAgainstEligibilityInLaterRounds() {
        SmraStage stage = round(start(new Fixture()), SmraActions.bid("x", "A", 1_000_000));
        assertThat(reasons(stage, SmraActions.bid("x", "B", 500_000))).isEmpty();
        Fixture f = new Fixture();
        f.bidders.set(0, new SmraBidder("x", false, 10, Map.of()));
        stage = round(start(f), SmraActions.bid("x", "A", 1_000_000));
        assertThat(reasons(stage, SmraActions.bid("x", "B", 500_000)))
                .containsExactly(SmraReasonCode.ELIGIBILITY_EXCEEDED);
    }

    @Test
    void aBidderWithZeroEligibilityMayNotBid() {
        Fixture f = new Fixture();
        f.bidders.set(0, new SmraBidder("x", false, 0, Map.of()));
        assertThat(reasons(start(f), SmraActions.bid("x", "B", 500_000)))
                .containsExactly(SmraReasonCode.ELIGIBILITY_EXCEEDED);
    }

    @Test
    void eligibilityFallsToActivityWithoutWaivers() {
        Fixture f = new Fixture();
        f.waivers = 0;
        SmraStage stage = round(start(f), SmraActions.bid("x", "B", 500_000),
                SmraActions.bid("y", "A", 1_000_000));
        assertThat(stage.state().bidder("x").eligibility()).isEqualTo(5);
        assertThat(stage.state().bidder("y").eligibility()).isEqualTo(10);
        assertThat(stage.state().bidder("z").eligibility()).isZero();
    }

    @Test
    void eligibilityFallsToActivityOverTheRequirementRoundedDown() {
        Fixture f = new Fixture();
        f.waivers = 0;
        f.activity = List.of(new SmraSetup.ActivityStage(1, Percent.of(80)), new SmraSetup.ActivityStage(3,
                Percent.of(100)));
        SmraStage stage = round(start(f), SmraActions.bid("x", "B", 500_000));
        // 5 units at 80 %: 5 / 0.8 = 6.25, rounded down to 6
        assertThat(stage.state().bidder("x").eligibility()).isEqualTo(6);
        assertThat(stage.rounds().get(0).bidder("x").orElseThrow().requirement()).isEqualTo(Percent.of(80));
    }

    @Test
    void aWaiverKeepsEligibility() {
        Fixture f = new Fixture();
        f.waivers = 1;
        f.automaticWaivers = false;
        SmraStage stage = round(start(f), SmraActions.waiver("x"), SmraActions.bid("y", "A", 1_000_000));
        assertThat(stage.state().bidder("x").eligibility()).isEqualTo(15);
        assertThat(stage.state().bidder("x").waiversLeft()).isZero();
        assertThat(stage.rounds().get(0).bidder("x").orElseThrow().waiver()).isEqualTo(SmraRound.Waiver.PROACTIVE);
        assertThat(reasons(stage, SmraActions.waiver("x"))).containsExactly(SmraReasonCode.NO_WAIVER_LEFT);
    }

    @Test
    void anAutomaticWaiverIsUsedWhenShortOfActivity() {
        Fixture f = new Fixture();
        f.waivers = 1;
        f.automaticWaivers = true;
        SmraStage stage = round(start(f), SmraActions.bid("x", "B", 500_000));
        SmraRound.BidderRound x = stage.rounds().get(0).bidder("x").orElseThrow();
        assertThat(x.waiver()).isEqualTo(SmraRound.Waiver.AUTOMATIC);
        assertThat(x.nextEligibility()).isEqualTo(15);
        // the waivers are gone: the next shortfall reduces eligibility
        stage = round(stage, SmraActions.bid("y", "A", 1_000_000));
        assertThat(stage.state().bidder("x").eligibility()).isEqualTo(5);
    }

    @Test
    void aBidderMayDeclineTheAutomaticWaiverAndReduceItsEligibility() {
        Fixture f = new Fixture();
        f.waivers = 3;
        f.automaticWaivers = true;
        SmraStage stage = round(start(f), new SmraActions("x", List.of(new SmraBid("B", 500_000)), List.of(), false,
                true));
        assertThat(stage.state().bidder("x").eligibility()).isEqualTo(5);
        assertThat(stage.state().bidder("x").waiversLeft()).isEqualTo(3);
        assertThat(reasons(stage, new SmraActions("y", List.of(), List.of(), true, true)))
                .containsExactly(SmraReasonCode.WAIVER_AND_REDUCTION);
    }

    @Test
    void theHighestBidBecomesTheStandingHighBid() {
        Fixture f = new Fixture();
        f.clickBox = new SmraSetup.ClickBox(3, Percent.of(10));
        SmraStage stage = round(start(f), SmraActions.bid("x", "A", 1_000_000), SmraActions.bid("y", "A", 1_200_000));
        SmraState.LicenceState a = stage.state().licence("A");
        assertThat(a.standingBidder()).contains("y");
        assertThat(a.standingBid()).isEqualTo(1_200_000);
        assertThat(a.runnerUpBid()).isEqualTo(1_000_000);
        assertThat(reasons(stage, SmraActions.bid("y", "A", 1_320_000)))
                .containsExactly(SmraReasonCode.ALREADY_STANDING_HIGH);
    }

    @Test
    void equalHighestBidsAreBrokenByTieNumbersDerivedFromTheCommittedSeed() {
        SmraStage stage = round(start(new Fixture()), SmraActions.bid("x", "A", 1_000_000),
                SmraActions.bid("y", "A", 1_000_000));
        byte[] seed = HexFormat.of().parseHex(SEED);
        byte[] tx = Randomness.derive(seed, "smra/smra/round/1/bid/x/A");
        byte[] ty = Randomness.derive(seed, "smra/smra/round/1/bid/y/A");
        String winner = Arrays.compareUnsigned(tx, ty) < 0 ? "x" : "y";
        assertThat(stage.state().licence("A").standingBidder()).contains(winner);
        assertThat(stage.rounds().get(0).bids()).extracting(SmraRound.BidResult::tieNumber)
                .containsExactly(HexFormat.of().formatHex(tx), HexFormat.of().formatHex(ty));
    }

    @Test
    void aWithdrawalRevertsTheLicenceAndTheWithdrawalPaymentIsTheDifferenceToTheLaterWinningBid() {
        Fixture f = new Fixture();
        f.withdrawalRounds = 1;
        f.clickBox = new SmraSetup.ClickBox(4, Percent.of(10));
        SmraStage stage = round(start(f), SmraActions.bid("x", "A", 1_000_000), SmraActions.bid("y", "B", 500_000));
        stage = round(stage, SmraActions.bid("y", "A", 1_320_000));
        stage = round(stage, SmraActions.withdraw("y", "A"));
        // 47 CFR 1.2104(g): the regulator holds A; the next minimum acceptable bid is the second-highest bid
        assertThat(stage.state().licence("A").holding()).isEqualTo(SmraState.Holding.REGULATOR_HELD);
        assertThat(prices(stage).of("A").minimumAcceptableBid()).isEqualTo(1_000_000);
        assertThat(reasons(stage, SmraActions.withdraw("y", "B")))
                .containsExactly(SmraReasonCode.NO_WITHDRAWAL_ROUNDS_LEFT);
        stage = round(stage, SmraActions.bid("x", "A", 1_000_000));
        stage = round(stage);
        SmraOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.award("A")).contains(new SmraOutcome.Award("A", "x", 1_000_000));
        assertThat(outcome.withdrawalPayments()).containsExactly(
                new SmraOutcome.WithdrawalPayment("y", "A", 3, 1_320_000, 320_000, false));
    }

    @Test
    void anUnsoldWithdrawnLicenceGetsTheInterimPayment() {
        Fixture f = new Fixture();
        f.withdrawalRounds = 2;
        SmraStage stage = round(start(f), SmraActions.bid("x", "A", 1_000_000));
        stage = round(stage, SmraActions.withdraw("x", "A"));
        stage = round(stage);
        SmraOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.unsold()).containsExactly("A", "B");
        assertThat(outcome.withdrawalPayments()).containsExactly(
                new SmraOutcome.WithdrawalPayment("x", "A", 2, 1_000_000, 150_000, true));
    }

    @Test
    void onlyTheStandingHighBidderWithdrawsAndOnlyWhenWithdrawalsAreAllowed() {
        SmraStage stage = round(start(new Fixture()), SmraActions.bid("x", "A", 1_000_000));
        assertThat(reasons(stage, SmraActions.withdraw("x", "A")))
                .containsExactly(SmraReasonCode.WITHDRAWALS_NOT_ALLOWED);
        Fixture f = new Fixture();
        f.withdrawalRounds = 2;
        stage = round(start(f), SmraActions.bid("x", "A", 1_000_000));
        assertThat(reasons(stage, SmraActions.withdraw("y", "A")))
                .containsExactly(SmraReasonCode.NOT_STANDING_HIGH_BIDDER);
    }

    @Test
    void theStageEndsAfterARoundWithNoBidNoProactiveWaiverAndNoWithdrawal() {
        Fixture f = new Fixture();
        f.waivers = 2;
        SmraStage stage = round(start(f), SmraActions.bid("x", "A", 1_000_000), SmraActions.bid("y", "B", 500_000));
        stage = round(stage, SmraActions.waiver("z"));
        assertThat(stage.ended()).isFalse();
        assertThat(stage.outcome()).isEmpty();
        SmraPrices last = prices(stage);
        stage = round(stage);
        assertThat(stage.ended()).isTrue();
        assertThat(stage.open(Optional.empty()).isAllowed()).isFalse();
        assertThat(stage.rejections(new SmraPrices(4, Optional.empty(), last.licences()),
                List.of(SmraActions.bid("z", "A", 1_100_000)))).extracting(SmraRejection::reason)
                .containsExactly(SmraReasonCode.STAGE_ENDED);
        SmraOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.rounds()).isEqualTo(3);
        assertThat(outcome.awards()).containsExactly(new SmraOutcome.Award("A", "x", 1_000_000),
                new SmraOutcome.Award("B", "y", 500_000));
        assertThat(outcome.revenue()).isEqualTo(1_500_000);
        assertThat(outcome.unsold()).isEmpty();
    }

    @Test
    void capsHold() {
        Fixture f = new Fixture();
        f.bidders.set(0, new SmraBidder("x", false, 15, Map.of("x", 10_000L)));
        f.caps.add(SmraSetup.bandCap("x", List.of("x"), 30_000, f.licences, f.bidders));
        SmraStage stage = start(f);
        // x holds 10 MHz already: A (20 MHz) fits the 30 MHz cap, A and B do not
        var rejections = stage.rejections(prices(stage), List.of(SmraActions.bids("x",
                new SmraBid("A", 1_000_000), new SmraBid("B", 500_000))));
        assertThat(rejections).extracting(SmraRejection::licence, SmraRejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", SmraReasonCode.SPECTRUM_CAP));
        stage = round(stage, SmraActions.bid("x", "A", 1_000_000));
        assertThat(reasons(stage, SmraActions.bid("x", "B", 500_000))).containsExactly(SmraReasonCode.SPECTRUM_CAP);
    }

    @Test
    void aWithdrawalFreesCapRoomForABidInTheSameRound() {
        Fixture f = new Fixture();
        f.withdrawalRounds = 1;
        f.caps.add(SmraSetup.bandCap("x", List.of("x"), 20_000, f.licences, f.bidders));
        SmraStage stage = round(start(f), SmraActions.bid("x", "B", 500_000), SmraActions.bid("y", "A", 1_000_000));
        assertThat(reasons(stage, SmraActions.bid("x", "A", 1_100_000))).containsExactly(SmraReasonCode.SPECTRUM_CAP);
        assertThat(reasons(stage, new SmraActions("x", List.of(new SmraBid("A", 1_100_000)), List.of("B"), false,
                false))).isEmpty();
    }

    @Test
    void newEntrantOnlyLicencesAreClosedToIncumbents() {
        Fixture f = new Fixture();
        f.licences.add(new SmraLicence("N", "850", "PK", "850", 2_000_000, 10, 14_760, true));
        SmraStage stage = start(f);
        assertThat(reasons(stage, SmraActions.bid("x", "N", 2_000_000)))
                .containsExactly(SmraReasonCode.NEW_ENTRANTS_ONLY);
        assertThat(reasons(stage, SmraActions.bid("z", "N", 2_000_000))).isEmpty();
    }

    @Test
    void aRegulatorSetIncrementIsTakenWithinItsRangeAndRefusedOutsideIt() {
        Fixture f = new Fixture();
        f.increment = new SmraIncrement.RegulatorRange(Percent.of(1), Percent.of(3));
        SmraStage stage = start(f);
        stage = stage.close(stage.open(Optional.empty()).orElseThrow(), List.of(SmraActions.bid("x", "A",
                1_000_000)));
        assertThat(stage.open(Optional.empty())).isInstanceOfSatisfying(SmraDecision.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(SmraReasonCode.INCREMENT_REQUIRED));
        assertThat(stage.open(Optional.of(Percent.of(4)))).isInstanceOfSatisfying(SmraDecision.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(SmraReasonCode.INCREMENT_OUT_OF_RANGE));
        assertThat(stage.open(Optional.of(Percent.parse("0.5"))).isAllowed()).isFalse();
        SmraPrices prices = stage.open(Optional.of(Percent.parse("2.5"))).orElseThrow();
        assertThat(prices.increment()).contains(Percent.parse("2.5"));
        assertThat(prices.of("A").minimumAcceptableBid()).isEqualTo(1_025_000);
        assertThat(prices.of("B").minimumAcceptableBid()).isEqualTo(500_000);
        stage = stage.close(prices, List.of(SmraActions.bid("y", "A", 1_025_000)));
        assertThat(stage.rounds().get(1).increment()).contains(Percent.parse("2.5"));
    }

    @Test
    void aFixedIncrementRefusesARegulatorsPercentage() {
        SmraStage stage = round(start(new Fixture()), SmraActions.bid("x", "A", 1_000_000));
        assertThat(stage.open(Optional.of(Percent.of(2)))).isInstanceOfSatisfying(SmraDecision.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(SmraReasonCode.INCREMENT_NOT_REGULATED));
    }

    @Test
    void theFccActivityBasedIncrementFollowsTheNumberOfBidsOnTheLicence() {
        // FCC Auction 66 procedures, Attachment C: two bids on a PWB of 1,000,000 give a minimum of 1,200,000
        Fixture f = new Fixture();
        f.increment = SmraIncrement.ActivityBased.fcc();
        f.multiple = 10_000;
        SmraStage stage = round(start(f), SmraActions.bid("x", "A", 1_000_000), SmraActions.bid("y", "A", 1_000_000),
                SmraActions.bid("z", "B", 500_000));
        SmraPrices prices = prices(stage);
        assertThat(prices.of("A").minimumAcceptableBid()).isEqualTo(1_200_000);
        assertThat(prices.of("A").increment()).isEqualTo(Percent.of(20));
        // one bid: A = 0.5, I = 1.5 × 10 % = 15 %: 575,000 rounded up to the multiple of 10,000
        assertThat(prices.of("B").increment()).isEqualTo(Percent.of(15));
        assertThat(prices.of("B").minimumAcceptableBid()).isEqualTo(580_000);
    }

    @Test
    void unknownLicencesUnknownBiddersAndSecondBidsAreRejected() {
        SmraStage stage = start(new Fixture());
        assertThat(reasons(stage, SmraActions.bid("x", "Q", 1_000_000))).containsExactly(SmraReasonCode.UNKNOWN_LICENCE);
        assertThat(reasons(stage, SmraActions.bid("w", "A", 1_000_000)))
                .containsExactly(SmraReasonCode.BIDDER_NOT_IN_STAGE);
        assertThat(reasons(stage, SmraActions.bids("x", new SmraBid("B", 500_000), new SmraBid("B", 500_000))))
                .containsExactly(SmraReasonCode.DUPLICATE_ACTION);
        assertThat(reasons(stage, SmraActions.bid("x", "B", 500_000), SmraActions.bid("x", "A", 1_000_000)))
                .containsExactly(SmraReasonCode.DUPLICATE_ACTION);
    }

    @Test
    void rejectedActionsAreRecordedInTheRoundAndCountAsNotTaken() {
        SmraStage stage = round(start(new Fixture()), SmraActions.bid("x", "A", 900_000));
        SmraRound r = stage.rounds().get(0);
        assertThat(r.bids()).isEmpty();
        assertThat(r.rejections()).extracting(SmraRejection::reason)
                .containsExactly(SmraReasonCode.BELOW_MINIMUM_ACCEPTABLE_BID);
        assertThat(stage.ended()).isTrue();
    }
}
