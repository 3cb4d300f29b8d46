package org.ngms.optimiser.planning;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** Planning solution: categories and caps as facts, one choice per bidder; hard = rules broken, soft = value. */
@PlanningSolution
public class SealedRoundPlan {

    @ProblemFactCollectionProperty
    private List<PlanningCategory> categories;

    @ProblemFactCollectionProperty
    private List<PlanningCap> caps;

    @PlanningEntityCollectionProperty
    private List<BidderChoice> choices;

    @PlanningScore
    private HardSoftLongScore score;

    public SealedRoundPlan() {
    }

    public SealedRoundPlan(List<PlanningCategory> categories, List<PlanningCap> caps, List<BidderChoice> choices) {
        this.categories = categories;
        this.caps = caps;
        this.choices = choices;
    }

    public List<PlanningCategory> getCategories() {
        return categories;
    }

    public List<PlanningCap> getCaps() {
        return caps;
    }

    public List<BidderChoice> getChoices() {
        return choices;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
