package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.BandPlan;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.FrequencyRange;

/**
 * The markets of an assignment stage, from what the allocation stage awarded: one per lot category the stage assigns
 * with at least one block sold, in the order they are settled, largest first (most blocks sold, then category id).
 */
public final class AssignmentMarkets {

    private AssignmentMarkets() {
    }

    /**
     * @param won blocks won per bidder and lot category by the allocation stage
     * @throws IllegalArgumentException if the directive gives a category of the stage no band plan (validation
     *                                  refuses such a directive, so this is a programming error)
     */
    public static List<AssignmentMarket> of(PolicyDirective d, Stage.Assignment stage,
                                            Map<String, ? extends Map<String, Integer>> won) {
        List<AssignmentMarket> markets = new ArrayList<>();
        for (String categoryId : stage.categories()) {
            LotCategory category = d.lotCategory(categoryId).orElseThrow(
                    () -> new IllegalArgumentException("no lot category " + categoryId));
            BandPlan plan = d.bandPlan(categoryId).orElseThrow(
                    () -> new IllegalArgumentException("no band plan for category " + categoryId));
            SortedMap<String, Integer> winners = new TreeMap<>();
            won.forEach((bidder, lots) -> {
                int blocks = lots.getOrDefault(categoryId, 0);
                if (blocks > 0) {
                    winners.put(bidder, blocks);
                }
            });
            if (winners.isEmpty()) {
                continue;
            }
            List<FrequencyRange> blocks = new ArrayList<>();
            List<Integer> segmentOf = new ArrayList<>();
            long width = category.blockMhz().khz();
            for (int s = 0; s < plan.segments().size(); s++) {
                BandPlan.Segment segment = plan.segments().get(s);
                if (segment.use() != BandPlan.Use.OFFERED) {
                    continue;
                }
                for (long from = segment.range().fromKhz(); from < segment.range().toKhz(); from += width) {
                    blocks.add(new FrequencyRange(from, from + width));
                    segmentOf.add(s);
                }
            }
            markets.add(new AssignmentMarket(categoryId, List.of(categoryId), category.band(),
                    List.of(category.area()), blocks, segmentOf, plan.uplinkOffsetKhz(), winners,
                    stage.method() == Stage.AssignmentMethod.POSITION_CLOCK
                            ? positionNames(plan, winners.size()) : List.of()));
        }
        if (stage.method() == Stage.AssignmentMethod.SEALED_BIDS
                && stage.grouping() == Stage.AssignmentGrouping.SAME_WINNERS_AND_QUANTITIES) {
            markets = grouped(markets);
        }
        markets.sort(Comparator.comparingInt(AssignmentMarket::sold).reversed()
                .thenComparing(AssignmentMarket::id));
        return List.copyOf(markets);
    }

    /**
     * Markets of one band with the same winners and quantities and the same offered frequencies become one, in the
     * order of their first category; its id joins the categories' with "+".
     */
    private static List<AssignmentMarket> grouped(List<AssignmentMarket> markets) {
        Map<String, List<AssignmentMarket>> groups = new java.util.LinkedHashMap<>();
        for (AssignmentMarket m : markets) {
            String key = m.band() + "|" + m.winners() + "|" + m.blocks() + "|" + m.segmentOf() + "|"
                    + m.uplinkOffsetKhz();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<AssignmentMarket> result = new ArrayList<>();
        for (List<AssignmentMarket> group : groups.values()) {
            AssignmentMarket first = group.get(0);
            List<String> categories = group.stream().map(AssignmentMarket::category).toList();
            List<String> areas = group.stream().map(AssignmentMarket::area).toList();
            result.add(new AssignmentMarket(String.join("+", categories), categories, first.band(), areas,
                    first.blocks(), first.segmentOf(), first.uplinkOffsetKhz(), first.winners(), first.positions()));
        }
        return result;
    }

    /**
     * The markets as the earlier stages' recorded results leave them: sealed awards at reserve and the allocation
     * clock's awards, after cross-band conditions are settled.
     */
    public static List<AssignmentMarket> after(PolicyDirective d, Stage.Assignment stage,
                                               List<PreBidOutcome> sealedResults,
                                               List<ClockOutcome.Award> clockAwards) {
        return of(d, stage, ClockOutcomeJson.allocated(d, sealedResults, clockAwards));
    }

    /**
     * The plan's names when it names one position per winner; else "only" for a single winner, or "position-1" (the
     * bottom) upwards.
     */
    static List<String> positionNames(BandPlan plan, int winners) {
        if (plan.positions().size() == winners) {
            return plan.positions();
        }
        if (winners == 1) {
            return List.of("only");
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= winners; i++) {
            names.add("position-" + i);
        }
        return names;
    }
}
