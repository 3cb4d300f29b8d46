package org.ngms.auction.clock;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bid-processing algorithm of one round (the FCC clock-phase processing, docs/formats/clock.md §4): bids that change demand queued by price point
 * then tie number; increases need eligibility and cap room; decreases only while the product keeps excess demand;
 * partial application; the queue re-tested from its head after every change; posted prices. Two implementations,
 * a naive {@link ReferenceClockProcessor} and a {@link FastClockProcessor}, run the same contract test.
 */
public interface ClockProcessor {

    Result process(Input input);

    /**
     * A round to process: prices per product, each bidder's eligibility and processed demand carried in, the caps,
     * and the final bid set (valid bids only, at most one per bidder and product, missing bids already filled in).
     */
    record Input(String stage, int round, String seedHex, List<ProductInput> products, List<BidderInput> bidders,
                 List<CapRule> caps, List<Bid> bids) {
        public Input {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(seedHex, "seedHex");
            products = List.copyOf(products);
            bidders = List.copyOf(bidders);
            caps = List.copyOf(caps);
            bids = List.copyOf(bids);
        }
    }

    record ProductInput(ClockProduct product, long startOfRound, long clockPrice) {
    }

    record BidderInput(String id, int eligibility, Map<String, Integer> demand) {
        public BidderInput {
            demand = Map.copyOf(demand);
        }
    }

    /**
     * Processed demand per bidder (every bidder of the input, non-zero products only), the posted price per product,
     * and the demand-changing bids in queue order with what became of them.
     */
    record Result(Map<String, Map<String, Integer>> demand, Map<String, Long> postedPrices,
                  List<ClockRound.BidResult> bids) {
    }

    /** Tie-number context of a bid: every tie number is HMAC-SHA-256(seed, this), recomputable once the seed is out. */
    static String tieContext(String stage, int round, String bidder, String product) {
        return "clock/" + stage + "/round/" + round + "/bid/" + bidder + "/" + product;
    }

    /**
     * The posted price rule. Demand above supply after processing: the clock price. Otherwise, if decreases were
     * applied, the highest price among them (PTA 2026 [S78]; usually the decrease that cleared the product, since the
     * queue runs from low price points up, and independent of the order of re-tests); otherwise the start-of-round
     * price.
     */
    static long postedPrice(long excess, long highestAppliedDecrease, long startOfRound, long clockPrice) {
        if (excess > 0) {
            return clockPrice;
        }
        return highestAppliedDecrease >= 0 ? highestAppliedDecrease : startOfRound;
    }
}
