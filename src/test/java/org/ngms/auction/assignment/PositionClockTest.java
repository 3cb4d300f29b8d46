package org.ngms.auction.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockReasonCode;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.clock.Rejection;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.FrequencyRange;

/**
 * The 2026 assignment clock on the clock engine: positions as products, one bidding unit per market, a cap of one
 * position per market, switches, round-1 placement, and the frequencies that follow from the positions.
 */
class PositionClockTest {

    static final PolicyDirective PK2026 = SealedFixtures.directiveOf("pk-5g-2026");
    static final Stage.Assignment STAGE = (Stage.Assignment) PK2026.stage("assignment").orElseThrow();
    /** The published allocation of 2026: blocks of 2600 and 3500 per winner. */
    static final Map<String, Map<String, Integer>> WON = Map.of(
            "jazz", Map.of("700", 2, "2300", 5, "2600", 7, "3500", 5),
            "ufone", Map.of("2600", 6, "3500", 12),
            "zong", Map.of("2600", 6, "3500", 5));
    static final byte[] SEED = new byte[] {7, 7, 7};

    static List<AssignmentMarket> markets() {
        return AssignmentMarkets.of(PK2026, STAGE, WON);
    }

    static ClockStage start() {
        return ClockStage.start(PositionClocks.setup(PK2026, STAGE, markets(), Map.of(), SEED));
    }

    static ClockStage round(ClockStage stage, Bid... bids) {
        RoundPrices prices = stage.open(Optional.empty()).orElseThrow();
        return stage.close(prices, List.of(bids));
    }

    static Bid bid(String bidder, String product, int quantity, long price) {
        return new Bid(bidder, product, quantity, price);
    }

    @Test
    void marketsAreTheCategoriesSoldLargestFirstWithTheirPositionsFromTheBottom() {
        List<AssignmentMarket> markets = markets();

        assertThat(markets).extracting(AssignmentMarket::id).containsExactly("3500", "2600");
        AssignmentMarket m2600 = markets.get(1);
        assertThat(m2600.positions()).containsExactly("bottom", "middle", "top");
        assertThat(m2600.blocks()).hasSize(19);
        assertThat(m2600.blocks().get(0)).isEqualTo(FrequencyRange.parse("2500-2510"));
        assertThat(m2600.winners()).containsExactlyInAnyOrderEntriesOf(Map.of("jazz", 7, "ufone", 6, "zong", 6));
    }

    @Test
    void eachWinnerHasOneUnitPerMarketAndACapOfOnePositionInEach() {
        ClockSetup setup = PositionClocks.setup(PK2026, STAGE, markets(), Map.of(), SEED);

        assertThat(setup.products()).hasSize(6);
        assertThat(setup.openingPrices().values()).containsOnly(0L);
        assertThat(setup.bidders()).allSatisfy(b -> assertThat(b.eligibility()).isEqualTo(2));
        assertThat(setup.caps()).extracting(c -> c.limitKhz()).containsOnly(1L);
        assertThat(setup.product("2600.bottom").orElseThrow().reserve()).isEqualTo(12_500_000L);
    }

    @Test
    void theTwoThousandTwentySixScriptSettlesZongBottomAt2220000AndUfoneAt780000() {
        ClockStage s = start();
        s = round(s, bid("zong", "2600.bottom", 1, 0), bid("jazz", "2600.bottom", 1, 0), bid("ufone", "2600.top", 1, 0),
                bid("ufone", "3500.bottom", 1, 0), bid("jazz", "3500.bottom", 1, 0), bid("zong", "3500.top", 1, 0));
        s = round(s);      // both bottoms contested: 625,000 and 325,000
        s = round(s);      // 1,250,000 and 650,000
        s = round(s, bid("jazz", "3500.bottom", 0, 780_000), bid("jazz", "3500.middle", 1, 0));
        assertThat(s.rounds().get(3).product("3500.bottom").postedPrice()).isEqualTo(780_000L);
        s = round(s, bid("jazz", "2600.bottom", 0, 2_220_000), bid("jazz", "2600.middle", 1, 0));

        assertThat(s.ended()).isTrue();
        FrequencyAssignment a = PositionClocks.assign(STAGE, markets(), s.outcome().orElseThrow());
        assertThat(a.pricePerBidder()).containsExactlyInAnyOrderEntriesOf(
                Map.of("zong", 2_220_000L, "ufone", 780_000L, "jazz", 0L));
        assertThat(a.revenue()).isEqualTo(3_000_000L);
        FrequencyAssignment.Market m2600 = a.markets().get(1);
        assertThat(m2600.assigned()).extracting(x -> x.bidder() + " " + x.position() + " " + x.downlink())
                .containsExactly("zong bottom " + FrequencyRange.parse("2500-2560"),
                        "jazz middle " + FrequencyRange.parse("2560-2630"),
                        "ufone top " + FrequencyRange.parse("2630-2690"));
        FrequencyAssignment.Market m3500 = a.markets().get(0);
        assertThat(m3500.assigned()).extracting(x -> x.bidder() + " " + x.downlink())
                .containsExactly("ufone " + FrequencyRange.parse("3400-3520"), "jazz " + FrequencyRange.parse("3520-3570"),
                        "zong " + FrequencyRange.parse("3570-3620"));
        assertThat(m3500.unsold()).containsExactly(FrequencyRange.parse("3620-3680"));
    }

    @Test
    void aSwitchFromAnUncontestedPositionDoesNotApplyAndTheBidderKeepsItsPosition() {
        ClockStage s = start();
        s = round(s, bid("zong", "2600.bottom", 1, 0), bid("jazz", "2600.bottom", 1, 0), bid("ufone", "2600.top", 1, 0));
        s = round(s, bid("ufone", "2600.top", 0, 0), bid("ufone", "2600.middle", 1, 0));

        assertThat(s.processedDemand("ufone")).containsEntry("2600.top", 1).doesNotContainKey("2600.middle");
    }

    @Test
    void whenBothContestantsSwitchAwayOnlyTheFirstInTheQueueMovesAndNoPositionIsLeftEmpty() {
        ClockStage s = start();
        s = round(s, bid("zong", "2600.bottom", 1, 0), bid("jazz", "2600.bottom", 1, 0), bid("ufone", "2600.top", 1, 0));
        s = round(s);
        s = round(s, bid("zong", "2600.bottom", 0, 700_000), bid("zong", "2600.middle", 1, 0),
                bid("jazz", "2600.bottom", 0, 900_000), bid("jazz", "2600.middle", 1, 0));

        // zong's decrease is at the lower price point, so it goes first; jazz's then would leave bottom empty
        assertThat(s.processedDemand("zong")).containsEntry("2600.middle", 1).doesNotContainKey("2600.bottom");
        assertThat(s.processedDemand("jazz")).containsEntry("2600.bottom", 1).doesNotContainKey("2600.middle");
        assertThat(s.rounds().get(2).product("2600.bottom").postedPrice()).isEqualTo(700_000L);
        assertThat(s.rounds().get(2).product("2600.middle").aggregateDemand()).isEqualTo(1);
    }

    @Test
    void aBidSetForTwoPositionsOfAMarketOrNoneOnceOneIsHeldIsRejectedAndTheBidderKeepsItsPosition() {
        ClockStage s = start();
        s = round(s, bid("zong", "2600.bottom", 1, 0), bid("jazz", "2600.bottom", 1, 0), bid("ufone", "2600.top", 1, 0));
        RoundPrices prices = s.open(Optional.empty()).orElseThrow();

        List<Rejection> two = s.rejections(prices, List.of(bid("ufone", "2600.middle", 1, 0)));
        List<Rejection> none = s.rejections(prices, List.of(bid("ufone", "2600.top", 0, 0)));

        assertThat(two).extracting(Rejection::reason).containsExactly(ClockReasonCode.ONE_POSITION_PER_MARKET);
        assertThat(none).extracting(Rejection::reason).containsExactly(ClockReasonCode.ONE_POSITION_PER_MARKET);
        s = s.close(prices, List.of(bid("ufone", "2600.middle", 1, 0)));
        assertThat(s.processedDemand("ufone")).containsEntry("2600.top", 1).doesNotContainKey("2600.middle");
    }

    @Test
    void aBidOnAPositionOfAnotherBandsMarketIsNotTakenForThisOne() {
        Map<String, Map<String, Integer>> won = Map.of("jazz", Map.of("2600", 10), "zong", Map.of("2600", 9),
                "ufone", Map.of("3500", 12));
        List<AssignmentMarket> markets = AssignmentMarkets.of(PK2026, STAGE, won);
        ClockStage s = ClockStage.start(PositionClocks.setup(PK2026, STAGE, markets, Map.of(), SEED));
        RoundPrices prices = s.open(Optional.empty()).orElseThrow();

        List<Rejection> rejected = s.rejections(prices, List.of(bid("ufone", "2600.position-1", 1, 0)));

        assertThat(rejected).extracting(Rejection::reason).containsExactly(ClockReasonCode.POSITION_NOT_WON);
        assertThat(markets.get(0).positions()).containsExactly("position-1", "position-2");
        assertThat(markets.get(1).positions()).containsExactly("only");
    }

    @Test
    void aWinnerWithoutARoundOneBidTakesThePositionFewestAskedForAndTheClockEndsWithEveryPositionHeld() {
        ClockStage s = start();
        s = round(s, bid("zong", "2600.bottom", 1, 0), bid("ufone", "2600.bottom", 1, 0),
                bid("ufone", "3500.middle", 1, 0));

        // 2600: jazz sent nothing and takes middle (0 asked) rather than top (0 asked, higher)
        assertThat(s.processedDemand("jazz")).containsEntry("2600.middle", 1).containsEntry("3500.bottom", 1);
        // 3500: jazz and zong sent nothing: jazz (first by id) takes bottom, zong then top
        assertThat(s.processedDemand("zong")).containsEntry("3500.top", 1);
        s = round(s, bid("ufone", "2600.bottom", 0, 300_000), bid("ufone", "2600.top", 1, 0));

        assertThat(s.ended()).isTrue();
        FrequencyAssignment a = PositionClocks.assign(STAGE, markets(), s.outcome().orElseThrow());
        assertThat(a.pricePerBidder()).containsEntry("zong", 300_000L).containsEntry("ufone", 0L);
    }

    @Test
    void theFrequenciesCannotBeReadBeforeEveryPositionHasOneWinner() {
        ClockStage s = round(start(), bid("zong", "2600.bottom", 1, 0), bid("jazz", "2600.bottom", 1, 0),
                bid("ufone", "2600.top", 1, 0));

        assertThat(s.ended()).isFalse();
        assertThat(s.outcome()).isEmpty();
        assertThatThrownBy(() -> PositionClocks.assign(STAGE, markets(), new org.ngms.auction.clock.ClockOutcome(
                "assignment", 1, List.of(), new java.util.TreeMap<>(), new java.util.TreeMap<>(), 0, 0, 0,
                Optional.empty(), List.of()))).isInstanceOf(IllegalStateException.class);
    }
}
