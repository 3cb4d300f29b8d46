package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ngms.auction.clock.CapRule;
import org.ngms.auction.clock.ClockBidder;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.clock.ClockProduct;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.FrequencyRange;
import org.ngms.shared.Percent;

/**
 * The assignment clock of PTA 2026 on the clock engine. Each market's positions (bottom, middle, top) are products
 * with a supply of one, opening at the stage's opening price, rising by the stage's percentage of the category's
 * reserve per block while more than one winner asks for them; the processing, intra-round bids, posted prices and
 * ending rule are the allocation clock's (docs/formats/clock.md). A winner has one bidding unit per market it won
 * in, and a cap of one position per market, so a switch (a decrease on its position with an increase on another)
 * applies whole or not at all: the increase finds no room under the cap until the decrease has applied, and the
 * decrease applies only while its position keeps another bidder.
 *
 * <p>When the clock ends every position has exactly one winner; the frequencies follow from the positions in order,
 * from the bottom of the offered range (unsold blocks above the top position, or below the bottom one, as the stage
 * says): the middle position's frequencies are settled after the bottom one's, as the 2026 directive says.
 */
public final class PositionClocks {

    private PositionClocks() {
    }

    /** The winners of the markets, each with one bidding unit per market it won in. */
    public static ClockSetup setup(PolicyDirective d, Stage.Assignment stage, List<AssignmentMarket> markets,
                                   Map<String, Boolean> newEntrants, byte[] seed) {
        Stage.PositionClock rules = stage.clock().orElseThrow(
                () -> new IllegalArgumentException("stage " + stage.id() + " is not a position clock"));
        List<ClockProduct> products = new ArrayList<>();
        Map<String, Long> opening = new LinkedHashMap<>();
        List<CapRule> caps = new ArrayList<>();
        List<ClockSetup.PositionMarket> positionMarkets = new ArrayList<>();
        Map<String, Integer> units = new TreeMap<>();
        for (AssignmentMarket m : markets) {
            LotCategory category = d.lotCategory(m.category()).orElseThrow();
            Map<String, Long> one = new TreeMap<>();
            List<String> ids = new ArrayList<>();
            for (String position : m.positions()) {
                String id = m.product(position);
                products.add(new ClockProduct(id, m.category(), m.area(), m.band(), 1,
                        category.reservePerBlock().amount(), 1, 0, 1));
                opening.put(id, stage.openingPrice().amount());
                one.put(id, 1L);
                ids.add(id);
            }
            caps.add(new CapRule("one position in market " + m.id(), one, 1, Map.of()));
            positionMarkets.add(new ClockSetup.PositionMarket(m.id(), ids, new TreeSet<>(m.winners().keySet())));
            m.winners().keySet().forEach(w -> units.merge(w, 1, Integer::sum));
        }
        List<ClockBidder> bidders = new ArrayList<>();
        units.forEach((bidder, n) -> bidders.add(new ClockBidder(bidder, newEntrants.getOrDefault(bidder, false), n,
                Map.of())));
        return new ClockSetup(stage.id(), rules.increment(), stage.bidMultiple().amount(),
                Stage.MissingBid.MAINTAIN_AT_CLOCK_PRICE, Percent.HUNDRED, true, products, opening, bidders, caps,
                List.of(), Optional.empty(), java.util.HexFormat.of().formatHex(seed), Map.of(), positionMarkets);
    }

    /**
     * The frequencies and prices once the clock has ended: per market, its positions from the bottom, each winner's
     * blocks contiguous, at its position's final posted price.
     *
     * @throws IllegalStateException if a position does not have exactly one winner (the clock has not ended)
     */
    public static FrequencyAssignment assign(Stage.Assignment stage, List<AssignmentMarket> markets,
                                             ClockOutcome outcome) {
        Stage.UnsoldAt unsoldAt = stage.clock().orElseThrow().unsoldAt();
        List<FrequencyAssignment.Market> result = new ArrayList<>();
        for (AssignmentMarket m : markets) {
            List<FrequencyAssignment.Assigned> assigned = new ArrayList<>();
            int unsold = m.blocks().size() - m.sold();
            int next = unsoldAt == Stage.UnsoldAt.BOTTOM ? unsold : 0;
            for (String position : m.positions()) {
                String product = m.product(position);
                List<String> holders = outcome.awards().stream()
                        .filter(a -> a.lots().getOrDefault(product, 0) > 0).map(ClockOutcome.Award::bidder).toList();
                if (holders.size() != 1) {
                    throw new IllegalStateException("position " + product + " has " + holders.size()
                            + " winners, not one");
                }
                String bidder = holders.get(0);
                int blocks = m.winners().get(bidder);
                FrequencyRange downlink = m.range(next, blocks);
                assigned.add(new FrequencyAssignment.Assigned(bidder, position, blocks, next, downlink,
                        uplink(m, downlink), outcome.finalPrices().get(product)));
                next += blocks;
            }
            List<FrequencyRange> left = new ArrayList<>();
            if (unsold > 0) {
                int from = unsoldAt == Stage.UnsoldAt.BOTTOM ? 0 : next;
                left.add(new FrequencyRange(m.blocks().get(from).fromKhz(),
                        m.blocks().get(from + unsold - 1).toKhz()));
            }
            result.add(new FrequencyAssignment.Market(m.id(), m.categories(), assigned, left));
        }
        return new FrequencyAssignment(stage.id(), outcome.rounds(), result);
    }

    private static Optional<FrequencyRange> uplink(AssignmentMarket m, FrequencyRange downlink) {
        if (m.uplinkOffsetKhz() == 0) {
            return Optional.empty();
        }
        return Optional.of(new FrequencyRange(downlink.fromKhz() + m.uplinkOffsetKhz(),
                downlink.toKhz() + m.uplinkOffsetKhz()));
    }
}
