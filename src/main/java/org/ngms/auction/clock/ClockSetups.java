package org.ngms.auction.clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.Bidder;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.Band;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Mhz;


/**
 * The setup of a clock stage from what the auction has recorded before it: the directive, the registered bidders,
 * the committed seed and the results of earlier sealed stages (as typed values, read from {@code STAGE_RESULT}). Plain code shared by
 * the service, which rebuilds its engine from it, and the offline verifier, which recomputes the rounds from it.
 */
public final class ClockSetups {

    private ClockSetups() {
    }

    /**
     * The setup of clock stage {@code stageId}. Only qualified bidders take part. A clock stage that continues a
     * sealed stage (the first earlier result that escalates products to it) runs only the escalated products, from
     * their reserve, with the bidders that demanded them, starting from the demand they stated there; their caps
     * count what the sealed stage awarded them on top of their holdings. Otherwise every product of the stage opens at
     * reserve with every qualified bidder.
     */
    public static ClockSetup forStage(PolicyDirective d, String stageId, List<Bidder> registered, byte[] seed,
                                      List<PreBidOutcome> earlierStageResults) {
        List<Bidder> qualified = registered.stream().filter(b -> b.status() == Bidder.Status.QUALIFIED).toList();
        Optional<PreBidOutcome> escalating = escalatingResult(earlierStageResults, stageId);
        if (escalating.isEmpty()) {
            return ClockSetup.fromDirective(d, stageId, qualified.stream().map(ClockBidder::of).toList(), seed);
        }
        PreBidOutcome result = escalating.get();
        Map<String, Long> opening = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> startingDemand = new TreeMap<>();
        for (PreBidOutcome.Escalation e : escalationsTo(result, stageId)) {
            opening.put(e.category(), d.lotCategory(e.category()).orElseThrow().reservePerBlock().amount());
            e.demand().forEach((bidder, blocks) -> startingDemand.computeIfAbsent(bidder, k -> new TreeMap<>())
                    .put(e.category(), blocks));
        }
        Map<String, Map<String, Mhz>> awarded = awardedMhz(d, result);
        List<ClockBidder> bidders = new ArrayList<>();
        for (Bidder b : qualified) {
            if (!startingDemand.containsKey(b.id())) {
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
    public static Optional<PreBidOutcome> escalatingResult(List<PreBidOutcome> earlierStageResults, String stageId) {
        return earlierStageResults.stream()
                .filter(result -> !escalationsTo(result, stageId).isEmpty())
                .findFirst();
    }

    private static List<PreBidOutcome.Escalation> escalationsTo(PreBidOutcome result, String stageId) {
        return result.escalations().stream().filter(e -> e.toStage().equals(Optional.of(stageId))).toList();
    }

    /** MHz per band awarded at reserve by a sealed stage, per bidder, counted as the directive counts spectrum. */
    private static Map<String, Map<String, Mhz>> awardedMhz(PolicyDirective d, PreBidOutcome result) {
        Map<String, Map<String, Mhz>> awarded = new HashMap<>();
        for (PreBidOutcome.Award a : result.awards()) {
            LotCategory c = d.lotCategory(a.category()).orElseThrow();
            Band band = d.band(c.band()).orElseThrow();
            Mhz mhz = d.spectrumCounting().count(c.blockMhz(), band.duplex()).times(a.blocks());
            awarded.computeIfAbsent(a.bidder(), k -> new HashMap<>()).merge(c.band(), mhz, Mhz::plus);
        }
        return awarded;
    }
}
