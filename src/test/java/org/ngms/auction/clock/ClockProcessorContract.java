package org.ngms.auction.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.audit.Randomness;

/**
 * The bid-processing algorithm of docs/formats/clock.md §4 (the FCC clock phase), rule by rule. Runs against the naive reference and the
 * fast processor alike.
 */
abstract class ClockProcessorContract {

    static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    abstract ClockProcessor processor();

    /** A one-round fixture: products "A" (and more), bidders with eligibility and carried demand, bids. */
    static final class Round {
        final List<ClockProcessor.ProductInput> products = new ArrayList<>();
        final List<ClockProcessor.BidderInput> bidders = new ArrayList<>();
        final List<CapRule> caps = new ArrayList<>();
        final List<Bid> bids = new ArrayList<>();

        Round product(String id, int supply, int points, long sor, long cp) {
            products.add(new ClockProcessor.ProductInput(new ClockProduct(id, id, "X", "b" + id, supply, sor,
                    points, 10_000, supply), sor, cp));
            return this;
        }

        Round bidder(String id, int eligibility, Map<String, Integer> demand) {
            bidders.add(new ClockProcessor.BidderInput(id, eligibility, demand));
            return this;
        }

        Round bid(String bidder, String product, int quantity, long price) {
            bids.add(new Bid(bidder, product, quantity, price));
            return this;
        }

        ClockProcessor.Input input() {
            return new ClockProcessor.Input("s", 2, SEED, products, bidders, caps, bids);
        }
    }

    ClockProcessor.Result process(Round round) {
        return processor().process(round.input());
    }

    @Test
    void anIncreaseIsAppliedOnlyUpToTheBiddersUnusedEligibility() {
        Round r = new Round().product("A", 5, 10, 100, 110)
                .bidder("x", 30, Map.of()).bid("x", "A", 5, 110);
        var result = process(r);
        assertThat(result.demand().get("x")).containsEntry("A", 3);
        assertThat(result.bids().get(0).status()).isEqualTo(ClockRound.BidResult.Status.PARTIALLY_APPLIED);
    }

    @Test
    void aDecreaseIsNotAppliedWhenTheProductHasNoExcessDemand() {
        Round r = new Round().product("A", 4, 1, 100, 110)
                .bidder("x", 10, Map.of("A", 2)).bidder("y", 10, Map.of("A", 2))
                .bid("x", "A", 0, 105);
        var result = process(r);
        assertThat(result.demand().get("x")).containsEntry("A", 2);
        assertThat(result.bids().get(0).status()).isEqualTo(ClockRound.BidResult.Status.NOT_APPLIED);
        assertThat(result.postedPrices()).containsEntry("A", 100L);
    }

    @Test
    void aDecreaseIsAppliedPartiallyDownToSupplyAndSetsThePostedPrice() {
        Round r = new Round().product("A", 3, 1, 100, 110)
                .bidder("x", 10, Map.of("A", 2)).bidder("y", 10, Map.of("A", 2))
                .bid("x", "A", 0, 104);
        var result = process(r);
        assertThat(result.demand().get("x")).containsEntry("A", 1);
        assertThat(result.postedPrices()).containsEntry("A", 104L);
    }

    @Test
    void thePostedPriceIsTheClockPriceWhileDemandStillExceedsSupply() {
        Round r = new Round().product("A", 2, 1, 100, 110)
                .bidder("x", 10, Map.of("A", 2)).bidder("y", 10, Map.of("A", 2))
                .bid("x", "A", 1, 101);
        var result = process(r);
        assertThat(result.demand().get("x")).containsEntry("A", 1);
        assertThat(result.postedPrices()).containsEntry("A", 110L);
    }

    @Test
    void lowerPricePointsAreProcessedFirstSoTheFirstExitIsHonouredAndTheSecondIsNot() {
        Round r = new Round().product("A", 2, 1, 100, 200)
                .bidder("x", 10, Map.of("A", 1)).bidder("y", 10, Map.of("A", 1)).bidder("z", 10, Map.of("A", 1))
                .bid("y", "A", 0, 190).bid("x", "A", 0, 130);
        var result = process(r);
        assertThat(result.demand().get("x")).doesNotContainKey("A");
        assertThat(result.demand().get("y")).containsEntry("A", 1);
        assertThat(result.postedPrices()).containsEntry("A", 130L);
        assertThat(result.bids()).extracting(ClockRound.BidResult::bidder).containsExactly("x", "y");
    }

    @Test
    void anIncreaseBlockedForEligibilityIsRetestedAfterADecreaseFreesIt() {
        // x's switch from A to B: the increase on B comes first in the queue but needs the points A frees
        Round r = new Round().product("A", 1, 1, 100, 120).product("B", 5, 1, 50, 60)
                .bidder("x", 2, Map.of("A", 2)).bidder("y", 5, Map.of())
                .bid("x", "B", 1, 50).bid("x", "A", 1, 110);
        var result = process(r);
        assertThat(result.demand().get("x")).containsEntry("A", 1).containsEntry("B", 1);
    }

    @Test
    void aDecreaseBlockedForLackOfExcessIsRetestedAfterAnIncreaseCreatesIt() {
        // y's exit at a low price point cannot be applied until z's increase at a higher one adds demand
        Round r = new Round().product("A", 2, 1, 100, 200)
                .bidder("x", 5, Map.of("A", 1)).bidder("y", 5, Map.of("A", 1)).bidder("z", 5, Map.of())
                .bid("y", "A", 0, 110).bid("z", "A", 1, 200);
        var result = process(r);
        assertThat(result.demand().get("y")).doesNotContainKey("A");
        assertThat(result.demand().get("z")).containsEntry("A", 1);
        assertThat(result.postedPrices()).containsEntry("A", 110L);
    }

    @Test
    void anIncreaseIsCutToTheRoomLeftUnderACap() {
        Round r = new Round().product("A", 10, 1, 100, 100).product("B", 10, 1, 100, 100)
                .bidder("x", 100, Map.of("A", 3)).bid("x", "B", 5, 100);
        r.caps.add(new CapRule("ab", Map.of("A", 10_000L, "B", 10_000L), 60_000, Map.of("x", 10_000L)));
        var result = process(r);
        assertThat(result.demand().get("x")).containsEntry("B", 2);
    }

    @Test
    void equalPricePointsAreOrderedByTieNumbersDerivedFromTheCommittedSeed() {
        Round r = new Round().product("A", 1, 1, 100, 110)
                .bidder("x", 5, Map.of("A", 1)).bidder("y", 5, Map.of("A", 1))
                .bid("x", "A", 0, 110).bid("y", "A", 0, 110);
        var result = process(r);
        byte[] seed = HexFormat.of().parseHex(SEED);
        byte[] tx = Randomness.derive(seed, "clock/s/round/2/bid/x/A");
        byte[] ty = Randomness.derive(seed, "clock/s/round/2/bid/y/A");
        String first = java.util.Arrays.compareUnsigned(tx, ty) < 0 ? "x" : "y";
        String second = first.equals("x") ? "y" : "x";
        assertThat(result.demand().get(first)).doesNotContainKey("A");
        assertThat(result.demand().get(second)).containsEntry("A", 1);
        assertThat(result.bids().get(0).tieNumber()).isEqualTo(HexFormat.of().formatHex(first.equals("x") ? tx : ty));
    }

    @Test
    void bidsThatDoNotChangeDemandAreNotQueued() {
        Round r = new Round().product("A", 1, 1, 100, 110)
                .bidder("x", 5, Map.of("A", 1)).bid("x", "A", 1, 110);
        assertThat(process(r).bids()).isEmpty();
    }

    @Test
    void whenDemandNeverExceedsSupplyThePostedPriceIsTheStartOfRoundPrice() {
        Round r = new Round().product("A", 5, 1, 100, 100)
                .bidder("x", 5, Map.of()).bid("x", "A", 2, 100);
        assertThat(process(r).postedPrices()).containsEntry("A", 100L);
    }

    @Test
    void pricePointsAreComparedExactlyAcrossProducts() {
        // 1/3 of the way on A (100..400 at 200) against 333,333/1,000,000 on B: 1/3 is larger
        Round r = new Round().product("A", 1, 1, 100, 400).product("B", 1, 1, 0, 1_000_000)
                .bidder("x", 10, Map.of("A", 1, "B", 1)).bidder("y", 10, Map.of("A", 1, "B", 1))
                .bid("x", "A", 0, 200).bid("x", "B", 0, 333_333);
        var result = process(r);
        assertThat(result.bids()).extracting(ClockRound.BidResult::product).containsExactly("B", "A");
    }

    static Map<String, Integer> demand(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }
}
