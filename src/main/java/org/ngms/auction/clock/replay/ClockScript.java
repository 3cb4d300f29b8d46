package org.ngms.auction.clock.replay;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ngms.shared.Percent;

/**
 * The bids of a clock stage as data ({@code clock-bids.yaml}, schema {@value #SCHEMA}, docs/formats/clock.md): the
 * stage, the committed seed, optionally the escalated products with their opening prices and the bidders that enter,
 * the regulator's increments per round where the directive leaves them to it, and per round one entry per bidder.
 */
public record ClockScript(String directive, String stage, String seedHex, List<String> products,
                          Map<String, Long> openingPrices, List<String> bidders, Map<Integer, Percent> increments,
                          List<Round> rounds) {

    public static final String SCHEMA = "ngms-clock-bids/1";
    public static final String FILE = "clock-bids.yaml";
    /** The bids of an assignment clock (PTA 2026 positions), in the same format. */
    public static final String ASSIGNMENT_FILE = "assignment-bids.yaml";

    public ClockScript {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(seedHex, "seedHex");
        products = List.copyOf(products);
        openingPrices = Map.copyOf(openingPrices);
        bidders = List.copyOf(bidders);
        increments = Map.copyOf(new TreeMap<>(increments));
        rounds = List.copyOf(rounds);
    }

    /** One round: the bids of each bidder that bid. */
    public record Round(int round, List<BidderBids> bids) {
        public Round {
            bids = List.copyOf(bids);
        }
    }

    /**
     * One bidder's bids in one round: blocks per product ({@code demand}); a product in {@code prices} is bid at
     * that intra-round price, any other at its clock price. A product left out is a missing bid.
     */
    public record BidderBids(String bidder, Map<String, Integer> demand, Map<String, Long> prices) {
        public BidderBids {
            Objects.requireNonNull(bidder, "bidder");
            demand = Map.copyOf(new TreeMap<>(demand));
            prices = Map.copyOf(new TreeMap<>(prices));
        }
    }
}
