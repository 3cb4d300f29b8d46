package org.ngms.optimiser.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.IndexedInstance;

/** Maps an instance into planning facts and entities, and a solved plan back to chosen bid numbers. */
public final class PlanMapping {

    private PlanMapping() {
    }

    public static SealedRoundPlan plan(IndexedInstance p) {
        List<PlanningCategory> categories = new ArrayList<>();
        for (Category category : p.instance.categories()) {
            categories.add(new PlanningCategory(category.id(), category.supply()));
        }
        List<PlanningCap> caps = new ArrayList<>();
        for (int k = 0; k < p.instance.caps().size(); k++) {
            caps.add(cap("caps[" + k + "]", null, p.instance.caps().get(k)));
        }
        List<BidderChoice> choices = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < p.bidderCount; i++) {
            Bidder bidder = p.instance.bidders().get(i);
            for (int k = 0; k < bidder.caps().size(); k++) {
                caps.add(cap("bidders[" + i + "].caps[" + k + "]", bidder.id(), bidder.caps().get(k)));
            }
            List<PlanningBid> options = new ArrayList<>();
            for (Bid bid : bidder.bids()) {
                options.add(new PlanningBid(number++, bid.id(), bidder.id(), bid.amount(), bid.pack()));
            }
            choices.add(new BidderChoice(bidder.id(), options, null));
        }
        return new SealedRoundPlan(categories, caps, choices);
    }

    private static PlanningCap cap(String name, String bidder, Cap cap) {
        Map<String, Long> weights = new HashMap<>();
        for (String category : cap.categories()) {
            weights.put(category, cap.weightOf(category));
        }
        return new PlanningCap(name, bidder, weights, cap.max());
    }

    public static boolean[] chosen(IndexedInstance p, SealedRoundPlan plan) {
        boolean[] chosen = new boolean[p.bidCount];
        for (BidderChoice choice : plan.getChoices()) {
            if (choice.getBid() != null) {
                chosen[choice.getBid().number()] = true;
            }
        }
        return chosen;
    }
}
