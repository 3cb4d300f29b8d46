package org.ngms.optimiser.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps an instance into planning entities, one per winner in market order, and a solved plan back to option ids. */
final class AssignmentMapping {

    private AssignmentMapping() {
    }

    static AssignmentPlan plan(AssignmentInstance instance) {
        List<WinnerChoice> choices = new ArrayList<>();
        for (MarketWinner winner : instance.market().winners()) {
            List<PlanningOption> options = new ArrayList<>();
            for (AssignmentOption option : winner.options()) {
                options.add(new PlanningOption(option.id(), winner.bidder(), option.blocks(),
                        instance.amount(winner.bidder(), option.id())));
            }
            choices.add(new WinnerChoice(winner.bidder(), winner.quantity(), options, null));
        }
        return new AssignmentPlan(choices);
    }

    /** The option id per winner of a plan; winners left without one are absent. */
    static Map<String, String> chosen(AssignmentPlan plan) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (WinnerChoice choice : plan.getChoices()) {
            if (choice.getOption() != null) {
                chosen.put(choice.getBidder(), choice.getOption().id());
            }
        }
        return chosen;
    }
}
