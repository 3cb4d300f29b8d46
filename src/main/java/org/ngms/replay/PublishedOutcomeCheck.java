package org.ngms.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.ScenarioOutcome;
import org.ngms.shared.FrequencyRange;
import org.ngms.shared.Mhz;

import tools.jackson.databind.JsonNode;

/**
 * Compares a replay's outcome with the scenario's published one ({@code outcome.yaml}) and says what differs: a
 * replay that does not reproduce its outcome must fail, never pass in silence. Allocation figures must be equal;
 * reported assignment figures must lie within the rounding they were reported with; every published holding must
 * be the MHz the replay assigns in that band, in one contiguous range.
 */
final class PublishedOutcomeCheck {

    private PublishedOutcomeCheck() {
    }

    /** Every difference, each a sentence naming the figure; empty when the replay matches. */
    static List<String> mismatches(PolicyDirective d, ScenarioOutcome published, JsonNode outcome,
                                   Map<String, Integer> roundsPerStage) {
        List<String> out = new ArrayList<>();
        if (outcome == null) {
            out.add("no outcome was published");
            return out;
        }
        long revenue = outcome.has("allocationRevenue") ? outcome.get("allocationRevenue").longValue()
                : outcome.path("revenue").longValue();
        if (revenue != published.revenue().amount()) {
            out.add("allocation revenue " + revenue + ", published " + published.revenue().amount());
        }
        Map<String, JsonNode> winners = new TreeMap<>();
        outcome.path("winners").forEach(w -> winners.put(w.path("bidder").asString(), w));
        for (ScenarioOutcome.Award award : published.awards()) {
            JsonNode w = winners.get(award.bidder());
            if (w == null) {
                out.add(award.bidder() + " wins nothing, published " + award.lots());
                continue;
            }
            Map<String, Integer> lots = new TreeMap<>();
            w.path("lots").properties().forEach(e -> lots.put(e.getKey(), e.getValue().intValue()));
            if (!lots.equals(new TreeMap<>(award.lots()))) {
                out.add(award.bidder() + " wins " + lots + ", published " + new TreeMap<>(award.lots()));
            }
            long price = w.has("allocationPrice") ? w.get("allocationPrice").longValue() : w.path("price").longValue();
            if (price != award.price().amount()) {
                out.add(award.bidder() + " pays " + price + " for allocation, published " + award.price().amount());
            }
        }
        if (winners.size() != published.awards().size()) {
            out.add(winners.size() + " winners, published " + published.awards().size());
        }
        Map<String, Integer> unsold = new TreeMap<>();
        outcome.path("unsold").properties().forEach(e -> unsold.put(e.getKey(), e.getValue().intValue()));
        if (!unsold.equals(new TreeMap<>(published.unsold()))) {
            out.add("unsold " + unsold + ", published " + new TreeMap<>(published.unsold()));
        }
        published.rounds().forEach((stage, rounds) -> {
            Integer replayed = roundsPerStage.get(stage);
            if (replayed == null || replayed.intValue() != rounds) {
                out.add("stage " + stage + " ran " + replayed + " rounds, published " + rounds);
            }
        });
        published.assignment().ifPresent(a -> assignment(d, a, outcome, winners, out));
        return out;
    }

    private static void assignment(PolicyDirective d, ScenarioOutcome.Assignment a, JsonNode outcome,
                                   Map<String, JsonNode> winners, List<String> out) {
        if (!outcome.has("assignmentRevenue")) {
            out.add("the outcome has no assignment stage, published one (" + a.stage() + ")");
            return;
        }
        within("assignment revenue", outcome.get("assignmentRevenue").longValue(), a.revenue().amount(),
                a.revenueWithin().amount(), out);
        for (ScenarioOutcome.Price p : a.prices()) {
            JsonNode w = winners.get(p.bidder());
            within(p.bidder() + "'s assignment price", w == null ? 0 : w.path("assignmentPrice").longValue(),
                    p.price().amount(), p.within().amount(), out);
        }
        for (ScenarioOutcome.Holding h : a.holdings()) {
            JsonNode w = winners.get(h.bidder());
            List<FrequencyRange> ranges = new ArrayList<>();
            Mhz held = Mhz.ZERO;
            if (w != null) {
                for (JsonNode f : w.path("frequencies")) {
                    LotCategory c = d.lotCategory(f.path("category").asString()).orElseThrow();
                    if (!c.band().equals(h.band())) {
                        continue;
                    }
                    FrequencyRange r = FrequencyRange.parse(f.has("range") ? f.get("range").asString()
                            : f.path("downlink").asString());
                    ranges.add(r);
                    held = held.plus(d.spectrumCounting().count(r.width(), d.band(c.band()).orElseThrow().duplex()));
                }
            }
            if (!held.equals(h.mhz())) {
                out.add(h.bidder() + " is assigned " + held + " MHz in " + h.band() + ", published " + h.mhz());
            }
            ranges.sort(java.util.Comparator.comparingLong(FrequencyRange::fromKhz));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i).fromKhz() != ranges.get(i - 1).toKhz()) {
                    out.add(h.bidder() + "'s frequencies in " + h.band() + " are not contiguous: " + ranges);
                    break;
                }
            }
        }
    }

    private static void within(String what, long value, long published, long tolerance, List<String> out) {
        if (Math.abs(value - published) > tolerance) {
            out.add(what + " " + value + ", published " + published + " (within " + tolerance + ")");
        }
    }
}
