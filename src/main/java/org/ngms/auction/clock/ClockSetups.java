package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.Bidder;
import org.ngms.directive.Band;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Mhz;

import tools.jackson.databind.JsonNode;

/**
 * The setup of a clock stage from what the auction has recorded before it: the directive, the registered bidders,
 * the committed seed and the results of earlier stages (as recorded in {@code STAGE_RESULT}). Plain code shared by
 * the service, which rebuilds its engine from it, and the offline verifier, which recomputes the rounds from it.
 */
public final class ClockSetups {

    private ClockSetups() {
    }

    /**
     * The setup of clock stage {@code stageId}. Only qualified bidders take part. A clock stage that continues a
     * sealed stage (the first earlier result that escalates products to it) runs only the escalated products, from
     * their reserve, with the bidders that demanded them; their caps count what the sealed stage awarded them on top
     * of their holdings. Otherwise every product of the stage opens at reserve with every qualified bidder.
     */
    public static ClockSetup forStage(PolicyDirective d, String stageId, List<Bidder> registered, byte[] seed,
                                     List<JsonNode> earlierStageResults) {
        List<Bidder> qualified = registered.stream().filter(b -> b.status() == Bidder.Status.QUALIFIED).toList();
        Optional<JsonNode> escalating = escalatingResult(earlierStageResults, stageId);
        if (escalating.isEmpty()) {
            return ClockSetup.fromDirective(d, stageId, qualified.stream().map(ClockBidder::of).toList(), seed);
        }
        JsonNode result = escalating.get();
        Map<String, Long> opening = new LinkedHashMap<>();
        Map<String, Boolean> participants = new TreeMap<>();
        Map<String, Map<String, Integer>> startingDemand = new TreeMap<>();
        for (JsonNode e : escalationsTo(result, stageId)) {
            String category = e.get("category").asString();
            opening.put(category, d.lotCategory(category).orElseThrow().reservePerBlock().amount());
            e.get("demand").propertyNames().forEach(b -> {
                participants.put(b, true);
                startingDemand.computeIfAbsent(b, k -> new TreeMap<>())
                        .put(category, e.get("demand").get(b).intValue());
            });
        }
        Map<String, Map<String, Mhz>> awarded = awardedMhz(d, result);
        List<ClockBidder> bidders = new ArrayList<>();
        for (Bidder b : qualified) {
            if (!participants.containsKey(b.id())) {
                continue;
            }
            Map<String, Mhz> holdings = new HashMap<>(b.holdings());
            awarded.getOrDefault(b.id(), Map.of()).forEach((band, mhz) -> holdings.merge(band, mhz, Mhz::plus));
            ClockBidder base = ClockBidder.of(b);
            bidders.add(new ClockBidder(b.id(), b.newEntrant(), base.eligibility(), holdings));
        }
        // the escalated demand is the clock's starting demand (of the bidders that take part)
        startingDemand.keySet().retainAll(bidders.stream().map(ClockBidder::id).toList());
        return ClockSetup.fromDirective(d, stageId, bidders, opening.keySet(), opening, seed)
                .withStartingDemand(startingDemand);
    }

    /** The first of the earlier results that escalates products to stage {@code stageId}, if any. */
    public static Optional<JsonNode> escalatingResult(List<JsonNode> earlierStageResults, String stageId) {
        return earlierStageResults.stream()
                .filter(result -> !escalationsTo(result, stageId).isEmpty())
                .findFirst();
    }

    private static List<JsonNode> escalationsTo(JsonNode result, String stageId) {
        List<JsonNode> list = new ArrayList<>();
        result.path("escalations").forEach(e -> {
            if (stageId.equals(e.path("toStage").asString(""))) {
                list.add(e);
            }
        });
        return list;
    }

    /** MHz per band awarded at reserve by a sealed stage, per bidder, counted as the directive counts spectrum. */
    private static Map<String, Map<String, Mhz>> awardedMhz(PolicyDirective d, JsonNode result) {
        Map<String, Map<String, Mhz>> awarded = new HashMap<>();
        result.path("awards").forEach(a -> {
            LotCategory c = d.lotCategory(a.get("category").asString()).orElseThrow();
            Band band = d.band(c.band()).orElseThrow();
            Mhz mhz = d.spectrumCounting().count(c.blockMhz(), band.duplex()).times(a.get("blocks").intValue());
            awarded.computeIfAbsent(a.get("bidder").asString(), k -> new HashMap<>()).merge(c.band(), mhz, Mhz::plus);
        });
        return awarded;
    }
}
