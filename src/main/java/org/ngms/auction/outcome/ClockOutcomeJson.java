package org.ngms.auction.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a clock stage's result and of the outcome of an auction that ended with a clock stage (awards at
 * reserve of an earlier sealed stage plus the clock's awards at the final posted prices). Plain code, shared by the
 * service and the offline verifier.
 */
public final class ClockOutcomeJson {

    private ClockOutcomeJson() {
    }

    public static ObjectNode clockResult(ClockOutcome c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("stage", c.stage()).put("status", "DECIDED")
                .put("rounds", c.rounds());
        ArrayNode awards = o.putArray("clockAwards");
        c.awards().forEach(a -> {
            ObjectNode award = awards.addObject().put("bidder", a.bidder()).put("total", a.total());
            ObjectNode lots = award.putObject("lots");
            a.lots().forEach(lots::put);
            ObjectNode prices = award.putObject("pricePerLot");
            a.pricePerLot().forEach(prices::put);
        });
        ObjectNode finalPrices = o.putObject("finalPrices");
        c.finalPrices().forEach(finalPrices::put);
        ObjectNode unsold = o.putObject("unsold");
        c.unsold().forEach(unsold::put);
        o.put("revenue", c.revenue());
        ArrayNode exclusions = o.putArray("exclusions");
        c.exclusions().forEach(e -> exclusions.addObject().put("bidder", e.bidder()).put("condition", e.condition())
                .put("consequence", e.consequence().name()));
        c.success().ifPresent(s -> o.putObject("successCriterion").put("minSoldPercentOfMhz", s.required().toString())
                .put("met", s.met()));
        return o;
    }

    /**
     * The awards of a recorded {@link #clockResult}, read back strictly (a missing or mistyped field is an
     * {@link IllegalArgumentException} naming it): what a later assignment stage and the outcome take from the
     * allocation clock.
     */
    public static List<ClockOutcome.Award> readClockAwards(JsonNode result) {
        return JsonFields.list(result, "clockAwards", a -> {
            java.util.SortedMap<String, Integer> lots = new java.util.TreeMap<>();
            JsonNode listed = JsonFields.object(a, "lots");
            for (String product : listed.propertyNames()) {
                lots.put(product, JsonFields.integer(listed, product));
            }
            java.util.SortedMap<String, Long> prices = new java.util.TreeMap<>();
            JsonNode perLot = JsonFields.object(a, "pricePerLot");
            for (String product : perLot.propertyNames()) {
                prices.put(product, JsonFields.whole(perLot, product));
            }
            return new ClockOutcome.Award(JsonFields.text(a, "bidder"), lots, prices, JsonFields.whole(a, "total"));
        });
    }

    /**
     * Blocks won per bidder and lot category at the end of allocation (sealed awards at reserve and the clock's
     * awards, after cross-band conditions are settled): what an assignment stage assigns frequencies to.
     */
    public static Map<String, Map<String, Integer>> allocated(PolicyDirective d, List<PreBidOutcome> sealedResults,
                                                           List<ClockOutcome.Award> clockAwards) {
        List<Outcome.Win> wins = wins(sealedResults, clockAwards);
        Map<String, Map<String, Integer>> won = new java.util.TreeMap<>();
        for (Outcome.Win w : settlePendingConditions(d, sealedResults, wins, new ArrayList<>())) {
            w.lots().forEach((category, blocks) -> won.computeIfAbsent(w.bidder(), k -> new java.util.TreeMap<>())
                    .merge(category, blocks, Integer::sum));
        }
        return won;
    }

    /** The sealed stages' awards at reserve and the clock's, one win per bidder and category or product. */
    private static List<Outcome.Win> wins(List<PreBidOutcome> sealedResults, List<ClockOutcome.Award> clockAwards) {
        List<Outcome.Win> wins = sealedWins(sealedResults);
        wins.addAll(clockWins(clockAwards));
        return wins;
    }

    /** The sealed stages' awards at reserve, one win per bidder and category. */
    static List<Outcome.Win> sealedWins(List<PreBidOutcome> sealedResults) {
        List<Outcome.Win> wins = new ArrayList<>();
        for (PreBidOutcome result : sealedResults) {
            result.awards().forEach(a -> wins.add(new Outcome.Win(a.bidder(), Map.of(a.category(), a.blocks()),
                    a.lotIds(), a.total())));
        }
        return wins;
    }

    /** The outcome as {@link #outcome(String, String, int, String, PolicyDirective, List, ClockOutcome)}, from the awards alone. */
    public static ObjectNode outcome(String auction, String directiveId, int directiveVersion, String directiveSha256,
                                     PolicyDirective d, List<PreBidOutcome> sealedResults,
                                     List<ClockOutcome.Award> clockAwards) {
        List<Outcome.Win> wins = wins(sealedResults, clockAwards);
        List<ObjectNode> failed = new ArrayList<>();
        List<Outcome.Win> kept = settlePendingConditions(d, sealedResults, wins, failed);
        ObjectNode outcome = outcomeOf(auction, directiveId, directiveVersion, directiveSha256, d, kept);
        if (!failed.isEmpty()) {
            ArrayNode conditions = outcome.putArray("conditionsFailed");
            failed.forEach(conditions::add);
        }
        return outcome;
    }

    /**
     * The outcome ({@code ngms-outcome/1}) from the recorded results of earlier sealed stages ({@code awards} at
     * reserve) and the clock's outcome.
     */
    public static ObjectNode outcome(String auction, String directiveId, int directiveVersion, String directiveSha256,
                                     PolicyDirective d, List<PreBidOutcome> sealedResults, ClockOutcome clock) {
        return outcome(auction, directiveId, directiveVersion, directiveSha256, d, sealedResults, clock.awards());
    }

    /**
     * The clock's awards as one win per bidder and product (blocks times the product's final price), so that a
     * cross-band condition can take back the conditional product alone. A bidder's wins add up to its award total.
     */
    static List<Outcome.Win> clockWins(List<ClockOutcome.Award> awards) {
        List<Outcome.Win> wins = new ArrayList<>();
        for (ClockOutcome.Award a : awards) {
            a.lots().forEach((product, blocks) -> wins.add(new Outcome.Win(a.bidder(), Map.of(product, blocks),
                    List.of(), Money.of(Math.multiplyExact(blocks.longValue(), a.pricePerLot().get(product))))));
        }
        return wins;
    }

    /**
     * Cross-band conditions a sealed stage left pending (2014: 1800 MHz only for winners of at least 2x10 MHz in
     * 2100) are settled once the escalated stage has ended: a bidder that did not win at least {@code minMhz} in the
     * required bands, not counting the conditional categories themselves, loses its awards in those categories,
     * which go unsold.
     */
    static List<Outcome.Win> settlePendingConditions(PolicyDirective d, List<PreBidOutcome> sealedResults,
                                                      List<Outcome.Win> wins, List<ObjectNode> failed) {
        List<Outcome.Win> kept = new ArrayList<>(wins);
        for (PreBidOutcome result : sealedResults) {
            for (PreBidOutcome.PendingCondition p : result.pendingConditions()) {
                Mhz needed = Mhz.parse(p.minMhz());
                Mhz won = wonInRequiredBands(d, p, kept);
                if (won.compareTo(needed) >= 0) {
                    continue;
                }
                ObjectNode record = JsonNodeFactory.instance.objectNode().put("bidder", p.bidder())
                        .put("condition", p.condition()).put("wonMhz", won.toString())
                        .put("minMhz", needed.toString());
                ArrayNode dropped = record.putArray("droppedCategories");
                p.categories().forEach(dropped::add);
                failed.add(record);
                kept.removeIf(w -> w.bidder().equals(p.bidder())
                        && w.lots().keySet().stream().allMatch(p.categories()::contains));
            }
        }
        return kept;
    }

    /** What the bidder won in the condition's required bands, not counting the conditional categories. */
    private static Mhz wonInRequiredBands(PolicyDirective d, PreBidOutcome.PendingCondition p,
                                          List<Outcome.Win> wins) {
        Mhz won = Mhz.ZERO;
        for (Outcome.Win w : wins) {
            if (!w.bidder().equals(p.bidder())) {
                continue;
            }
            for (var lot : w.lots().entrySet()) {
                var category = d.lotCategory(lot.getKey()).orElseThrow();
                if (!p.categories().contains(category.id()) && p.requiredBands().contains(category.band())) {
                    won = won.plus(d.spectrumCounting().count(category.blockMhz(),
                            d.band(category.band()).orElseThrow().duplex()).times(lot.getValue()));
                }
            }
        }
        return won;
    }

    /** The outcome ({@code ngms-outcome/1}) of the given wins, from whichever stages they came. */
    public static ObjectNode outcomeOf(String auction, String directiveId, int directiveVersion,
                                       String directiveSha256, PolicyDirective d, List<Outcome.Win> wins) {
        Outcome outcome = Outcome.of(d, wins, Optional.empty());
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("format", "ngms-outcome/1").put("auction", auction)
                .put("currency", d.currency().auction());
        o.putObject("directive").put("id", directiveId).put("version", directiveVersion)
                .put("sha256", directiveSha256);
        ArrayNode winners = o.putArray("winners");
        for (Outcome.WinnerOutcome w : outcome.winners()) {
            ObjectNode winner = winners.addObject().put("bidder", w.bidder());
            ObjectNode lots = winner.putObject("lots");
            w.lots().forEach(lots::put);
            ArrayNode ids = winner.putArray("lotIds");
            w.lotIds().forEach(ids::add);
            winner.put("price", w.price().amount());
            winner.set("payments", OutcomeJson.paymentPlans(d, w.price()));
        }
        ObjectNode unsold = o.putObject("unsold");
        outcome.unsold().forEach(unsold::put);
        o.put("revenue", outcome.revenue().amount());
        o.put("mhzSold", outcome.mhzSold().toString()).put("mhzOffered", outcome.mhzOffered().toString());
        outcome.success().ifPresent(s -> o.putObject("successCriterion")
                .put("minSoldPercentOfMhz", s.minSoldPercentOfMhz().toString())
                .put("met", s.met()));
        return o;
    }
}
