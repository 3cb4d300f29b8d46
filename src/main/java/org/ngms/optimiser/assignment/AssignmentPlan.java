package org.ngms.optimiser.assignment;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** Planning solution: one choice per winner of a market; hard = rules broken, soft = the sum of chosen bids. */
@PlanningSolution
public class AssignmentPlan {

    @PlanningEntityCollectionProperty
    private List<WinnerChoice> choices;

    @PlanningScore
    private HardSoftLongScore score;

    public AssignmentPlan() {
    }

    public AssignmentPlan(List<WinnerChoice> choices) {
        this.choices = choices;
    }

    public List<WinnerChoice> getChoices() {
        return choices;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
