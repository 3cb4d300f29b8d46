package org.ngms.auction.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.audit.Randomness;
import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;
import org.ngms.shared.Percent;

/** The clock's rules one by one: prices, increments, bids, round-1 conditions, activity, stopping. */
class ClockRulesTest {

    private static final String SEED = ClockProcessorContract.SEED;

    private static ClockSetup setup(Stage.Increment increment, Stage.MissingBid missing, boolean intraRound,
                                    List<EligibilityCondition> conditions) {
        ClockProduct a = new ClockProduct("A", "A", "X", "2600", 3, 100_000, 10, 10_000, 3);
        ClockProduct b = new ClockProduct("B", "B", "X", "3500", 5, 50_000, 5, 10_000, 5);
        Map<String, Long> opening = new LinkedHashMap<>();
        opening.put("A", 100_000L);
        opening.put("B", 50_000L);
        CapRule cap = new CapRule("2600", Map.of("A", 10_000L), 30_000, Map.of("x", 10_000L));
        return new ClockSetup("clock", increment, 1000, missing, Percent.of(100), intraRound, List.of(a, b), opening,
                List.of(new ClockBidder("x", false, 100, Map.of("2600", Mhz.ofMhz(10))),
                        new ClockBidder("y", false, 100, Map.of()), new ClockBidder("z", true, 100, Map.of())),
                List.of(cap), conditions, Optional.of(Percent.of(50)), SEED);
    }

    private static Stage.Increment percentOfPosted(long percent) {
        return new Stage.Increment(Stage.IncrementBasis.PERCENT_OF_POSTED_PRICE, Optional.of(Percent.of(percent)),
                Optional.empty(), Optional.empty());
    }

    private static ClockSetup simple() {
        return setup(percentOfPosted(10), Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE, true, List.of());
    }

    private static ClockStage afterRoundOne(ClockSetup setup, List<Bid> bids) {
        ClockStage stage = ClockStage.start(setup);
        return stage.close(stage.open(Optional.empty()).orElseThrow(), bids);
    }

    @Test
    void theIncrementIsRoundedUpToTheBidMultiple() {
        assertThat(ClockRules.increment(percentOfPosted(3), 4_350_000, 4_350_000, Percent.of(3), 1000))
                .isEqualTo(131_000);
        var ofReserve = new Stage.Increment(Stage.IncrementBasis.PERCENT_OF_RESERVE, Optional.of(Percent.of(5)),
                Optional.empty(), Optional.empty());
        assertThat(ClockRules.increment(ofReserve, 12_500_000, 13_125_000, Percent.of(5), 1000)).isEqualTo(625_000);
    }

    @Test
    void theClockMovesOnlyWhereTheLastRoundEndedWithExcessDemand() {
        ClockStage stage = afterRoundOne(simple(), List.of(new Bid("x", "A", 2, 100_000), new Bid("y", "A", 2,
                100_000), new Bid("y", "B", 1, 50_000)));
        RoundPrices prices = stage.open(Optional.empty()).orElseThrow();
        assertThat(prices.of("A")).isEqualTo(new RoundPrices.Prices(100_000, 110_000));
        assertThat(prices.of("B")).isEqualTo(new RoundPrices.Prices(50_000, 50_000));
    }

    @Test
    void aRegulatorSetIncrementMustBeGivenAndWithinThePublishedRange() {
        var range = new Stage.Increment(Stage.IncrementBasis.REGULATOR_RANGE, Optional.empty(),
                Optional.of(Percent.of(5)), Optional.of(Percent.of(20)));
        ClockStage stage = afterRoundOne(setup(range, Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE, true, List.of()),
                List.of(new Bid("x", "A", 2, 100_000), new Bid("y", "A", 2, 100_000)));
        assertThat(reason(stage.open(Optional.empty()))).isEqualTo(ClockReasonCode.INCREMENT_REQUIRED);
        assertThat(reason(stage.open(Optional.of(Percent.of(25))))).isEqualTo(ClockReasonCode.INCREMENT_OUT_OF_RANGE);
        RoundPrices prices = stage.open(Optional.of(Percent.of(15))).orElseThrow();
        assertThat(prices.of("A").clockPrice()).isEqualTo(115_000);
        assertThat(prices.increment()).contains(Percent.of(15));
    }

    private static ClockReasonCode reason(ClockDecision<?> decision) {
        return ((ClockDecision.Rejected<?>) decision).rejection().reason();
    }

    @Test
    void rejectsBidsThatBreakABidRule() {
        ClockStage stage = afterRoundOne(simple(), List.of(new Bid("x", "A", 1, 100_000), new Bid("y", "A", 3,
                100_000)));
        RoundPrices p = stage.open(Optional.empty()).orElseThrow(); // A: 100,000 .. 110,000
        assertThat(reason(stage.validate(p, new Bid("x", "Q", 1, 110_000)))).isEqualTo(ClockReasonCode.UNKNOWN_PRODUCT);
        assertThat(reason(stage.validate(p, new Bid("w", "A", 1, 110_000))))
                .isEqualTo(ClockReasonCode.BIDDER_NOT_IN_STAGE);
        assertThat(reason(stage.validate(p, new Bid("x", "A", -1, 110_000))))
                .isEqualTo(ClockReasonCode.NEGATIVE_QUANTITY);
        assertThat(reason(stage.validate(p, new Bid("x", "A", 4, 110_000))))
                .isEqualTo(ClockReasonCode.DEMAND_EXCEEDS_SUPPLY);
        assertThat(reason(stage.validate(p, new Bid("x", "A", 0, 111_000))))
                .isEqualTo(ClockReasonCode.BID_PRICE_OUT_OF_RANGE);
        assertThat(reason(stage.validate(p, new Bid("x", "A", 0, 99_000))))
                .isEqualTo(ClockReasonCode.BID_PRICE_OUT_OF_RANGE);
        assertThat(reason(stage.validate(p, new Bid("x", "A", 0, 105_500))))
                .isEqualTo(ClockReasonCode.NOT_A_BID_MULTIPLE);
        assertThat(reason(stage.validate(p, new Bid("x", "A", 1, 105_000))))
                .isEqualTo(ClockReasonCode.MAINTAIN_BELOW_CLOCK_PRICE);
        assertThat(stage.validate(p, new Bid("x", "A", 0, 105_000)).isAllowed()).isTrue();
        assertThat(stage.validate(p, new Bid("x", "B", 5, 50_000)).isAllowed())
                .as("bidding above eligibility is not a rejection").isTrue();
    }

    @Test
    void rejectsAnIncreaseThatWouldBreachACapCountingExistingHoldings() {
        ClockStage stage = afterRoundOne(simple(), List.of(new Bid("x", "A", 1, 100_000), new Bid("y", "A", 3,
                100_000)));
        RoundPrices p = stage.open(Optional.empty()).orElseThrow();
        // x holds 10 MHz in 2600 and demands 1 block of 10: the 30 MHz cap leaves room for 2 blocks, not 3
        assertThat(stage.validate(p, new Bid("x", "A", 2, 110_000)).isAllowed()).isTrue();
        assertThat(reason(stage.validate(p, new Bid("x", "A", 3, 110_000)))).isEqualTo(ClockReasonCode.SPECTRUM_CAP);
    }

    @Test
    void rejectsIntraRoundBidsWhereTheStageHasNone() {
        ClockSetup setup = setup(percentOfPosted(10), Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE, false, List.of());
        ClockStage stage = afterRoundOne(setup, List.of(new Bid("x", "A", 1, 100_000), new Bid("y", "A", 3,
                100_000)));
        RoundPrices p = stage.open(Optional.empty()).orElseThrow();
        assertThat(reason(stage.validate(p, new Bid("y", "A", 2, 105_000))))
                .isEqualTo(ClockReasonCode.INTRA_ROUND_BIDS_NOT_ALLOWED);
    }

    @Test
    void anIncumbentBelowTheRoundOneMinimumIsExcludedAndTheRoundGoesOnWithoutIt() {
        var minimum = new EligibilityCondition("min-A", EligibilityCondition.Type.MINIMUM_FIRST_ROUND_DEMAND,
                EligibilityCondition.AppliesTo.INCUMBENTS, List.of("A"), List.of(), Optional.empty(),
                Optional.of("clock"), Optional.of(2), Optional.of(
                EligibilityCondition.Consequence.EXCLUDE_AND_FORFEIT_DEPOSIT));
        ClockSetup setup = setup(percentOfPosted(10), Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE, true,
                List.of(minimum));
        ClockStage stage = afterRoundOne(setup, List.of(new Bid("x", "A", 1, 100_000), new Bid("x", "B", 5, 50_000),
                new Bid("y", "A", 3, 100_000), new Bid("z", "A", 1, 100_000), new Bid("z", "B", 1, 50_000)));
        ClockRound round = stage.rounds().get(0);
        assertThat(round.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.bidder()).isEqualTo("x");
            assertThat(e.consequence()).isEqualTo(EligibilityCondition.Consequence.EXCLUDE_AND_FORFEIT_DEPOSIT);
        });
        assertThat(round.product("B").aggregateDemand()).as("x's whole bid set is void").isEqualTo(1);
        assertThat(round.bidder("z").orElseThrow().demand("B")).as("a new entrant is not bound").isEqualTo(1);
        assertThat(round.bidder("x").orElseThrow().nextEligibility()).isZero();
        RoundPrices p = stage.open(Optional.empty()).orElseThrow();
        assertThat(reason(stage.validate(p, new Bid("x", "A", 1, 100_000)))).isEqualTo(ClockReasonCode.BIDDER_EXCLUDED);
        assertThat(stage.excluded()).containsExactly("x");
    }

    @Test
    void aMissingBidMaintainsDemandOrDropsItAtTheStartOfRoundPrice() {
        List<Bid> first = List.of(new Bid("x", "A", 2, 100_000), new Bid("y", "A", 2, 100_000));
        ClockStage keep = afterRoundOne(simple(), first);
        keep = keep.close(keep.open(Optional.empty()).orElseThrow(), List.of());
        assertThat(keep.rounds().get(1).product("A").aggregateDemand()).isEqualTo(4);

        ClockSetup dropping = setup(percentOfPosted(10), Stage.MissingBid.DROP_TO_ZERO, true, List.of());
        ClockStage drop = afterRoundOne(dropping, first);
        drop = drop.close(drop.open(Optional.empty()).orElseThrow(), List.of(new Bid("y", "A", 2, 110_000)));
        ClockRound.ProductRound a = drop.rounds().get(1).product("A");
        assertThat(a.aggregateDemand()).isEqualTo(3);
        assertThat(a.postedPrice()).isEqualTo(100_000);
        assertThat(drop.ended()).isTrue();
    }

    @Test
    void eligibilityFallsToActivityOverTheRequirementAndNeverRises() {
        assertThat(ClockRules.nextEligibility(100, 100, Percent.of(100))).isEqualTo(100);
        assertThat(ClockRules.nextEligibility(100, 60, Percent.of(100))).isEqualTo(60);
        assertThat(ClockRules.nextEligibility(100, 72, Percent.of(80))).isEqualTo(90);
        assertThat(ClockRules.nextEligibility(100, 80, Percent.of(80))).isEqualTo(100);
    }

    @Test
    void theStageEndsAfterTheFirstRoundWithoutExcessDemandAndAwardsAtPostedPrices() {
        ClockStage stage = afterRoundOne(simple(), List.of(new Bid("x", "A", 2, 100_000), new Bid("y", "A", 2,
                100_000), new Bid("y", "B", 2, 50_000)));
        assertThat(stage.ended()).isFalse();
        RoundPrices p = stage.open(Optional.empty()).orElseThrow();
        stage = stage.close(p, List.of(new Bid("x", "A", 1, 104_000)));
        assertThat(stage.ended()).isTrue();
        ClockOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.award("x").orElseThrow().total()).isEqualTo(104_000);
        assertThat(outcome.award("y").orElseThrow().total()).isEqualTo(2 * 104_000 + 2 * 50_000);
        assertThat(outcome.unsold()).containsExactly(Map.entry("B", 3));
        assertThat(outcome.soldKhz()).isEqualTo(50_000);
        assertThat(outcome.success().orElseThrow().met()).as("50 of 80 MHz sold, at least 50%").isTrue();
        assertThat(reason(stage.open(Optional.empty()))).isEqualTo(ClockReasonCode.STAGE_ENDED);
    }

    @Test
    void anEscalatedStageRunsOnlyItsProductsFromTheHandedOverPrices() {
        ClockSetup all = simple();
        ClockSetup escalated = new ClockSetup(all.stageId(), all.increment(), all.bidMultiple(), all.missingBid(),
                all.activityRequirement(), all.intraRoundBids(), List.of(all.products().get(0)),
                Map.of("A", 120_000L), all.bidders(), List.of(), List.of(), Optional.empty(), SEED);
        ClockStage stage = ClockStage.start(escalated);
        RoundPrices p = stage.open(Optional.empty()).orElseThrow();
        assertThat(p.products()).containsOnlyKeys("A");
        assertThat(p.of("A").clockPrice()).isEqualTo(120_000);
        assertThat(reason(stage.validate(p, new Bid("x", "B", 1, 50_000)))).isEqualTo(ClockReasonCode.UNKNOWN_PRODUCT);
    }

    @Test
    void tieNumbersAreTheCommittedRandomnessOfTheAuditTrail() {
        byte[] seed = HexFormat.of().parseHex(SEED);
        assertThat(new TieNumbers(seed, "allocation", 3).of("jazz", "2600"))
                .isEqualTo(Randomness.derive(seed, ClockProcessor.tieContext("allocation", 3, "jazz", "2600")))
                .isEqualTo(Randomness.derive(seed, "clock/allocation/round/3/bid/jazz/2600"));
    }

    @Test
    void pricePointsCompareExactlyWhereDoublesWouldNot() {
        long big = 999_999_999_999_999L;
        PricePoint a = new PricePoint(big - 1, big);
        PricePoint b = new PricePoint(big - 2, big - 1);
        assertThat(a.compareTo(b)).isPositive();
        assertThat((double) (big - 1) / big).isEqualTo((double) (big - 2) / (big - 1));
        assertThat(PricePoint.of(110, 100, 110)).isEqualByComparingTo(PricePoint.CLOCK);
    }
}
