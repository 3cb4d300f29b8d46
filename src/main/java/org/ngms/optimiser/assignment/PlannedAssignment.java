package org.ngms.optimiser.assignment;

import java.util.Map;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Winner determination of a market by OptaPlanner ({@code assignmentSolverConfig.xml} beside this class), always
 * certified by {@link ExhaustiveAssignment}. OptaPlanner runs REPRODUCIBLE with a fixed seed and ends on step counts
 * (or as soon as it reaches the trivial bound), so the same market gives the same plan. Its assignment, when it is
 * complete and free of overlaps, is where the exhaustive search starts; the search then proves it optimal or finds
 * better, and applies the tie rule either way. The result is therefore the exhaustive search's: OPTIMAL only when that
 * search proves it, the chosen options always the tie rule's, {@code foundBy} says whether OptaPlanner's value was
 * already the optimum, and {@code detail} what OptaPlanner reached. Only the 60-second guard of the configuration
 * depends on the clock; should it ever end a run, the chosen options are still the exhaustive search's, and only
 * {@code foundBy} and {@code detail} could differ between runs.
 */
public final class PlannedAssignment {

    public static final String METHOD = "OptaPlanner, certified by exhaustive";
    public static final String OPTAPLANNER = "OptaPlanner";

    private static final SolverFactory<AssignmentPlan> FACTORY =
            SolverFactory.createFromXmlResource("org/ngms/optimiser/assignment/assignmentSolverConfig.xml");

    private final ExhaustiveAssignment exact;

    public PlannedAssignment() {
        this(new ExhaustiveAssignment());
    }

    public PlannedAssignment(ExhaustiveAssignment exact) {
        this.exact = exact;
    }

    public AssignmentResult solve(AssignmentInstance instance) {
        if (IndexedAssignment.plainlyInfeasible(instance.market()) != null) {
            AssignmentResult infeasible = exact.solve(instance);
            return with(infeasible, infeasible.foundBy(), "OptaPlanner not run: " + infeasible.detail());
        }
        if (instance.market().winners().stream().allMatch(w -> w.options().size() == 1)) {
            // no move would be doable, and a local search without one never ends on counts
            AssignmentResult only = exact.solve(instance);
            return with(only, only.foundBy(), "OptaPlanner not run: every winner has one option; " + only.detail());
        }
        AssignmentPlan best = plan(instance);
        HardSoftLongScore score = best.getScore();
        Map<String, String> planned = AssignmentMapping.chosen(best);
        boolean complete = score.isSolutionInitialized() && score.hardScore() == 0
                && instance.brokenRules(planned).isEmpty();
        AssignmentResult certified = exact.solve(instance, complete ? planned : null, OPTAPLANNER);
        String reached = complete ? "OptaPlanner reached " + score.softScore()
                : "OptaPlanner ended without a complete assignment free of overlaps (score " + score + ")";
        String verdict;
        if (!certified.provenOptimal()) {
            verdict = certified.detail();
        } else if (complete && score.softScore() == certified.value()) {
            verdict = "the exhaustive search proved it optimal" + tieNote(certified);
        } else {
            verdict = "the exhaustive search found the optimum " + certified.value() + " and its assignment is used"
                    + tieNote(certified);
        }
        return with(certified, certified.foundBy(), reached + "; " + verdict);
    }

    private static String tieNote(AssignmentResult certified) {
        return certified.tieRuleApplied() ? " and applied the tie rule" : ", the tie rule not finished";
    }

    private static AssignmentPlan plan(AssignmentInstance instance) {
        long trivialBound = 0;
        for (Map<String, Long> bids : instance.bids().values()) {
            trivialBound += bids.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        HardSoftLongScore target = HardSoftLongScore.ofSoft(trivialBound);
        Solver<AssignmentPlan> solver = FACTORY.buildSolver();
        // on the solver's own thread, at a step boundary: ending here is as reproducible as a step limit
        solver.addEventListener(event -> {
            if (event.getNewBestScore().isSolutionInitialized() && event.getNewBestScore().compareTo(target) >= 0) {
                solver.terminateEarly();
            }
        });
        return solver.solve(AssignmentMapping.plan(instance));
    }

    private static AssignmentResult with(AssignmentResult r, String foundBy, String detail) {
        return new AssignmentResult(r.market(), r.status(), r.chosen(), r.value(), r.bound(), r.tieRuleApplied(),
                METHOD, foundBy, r.nodes(), detail);
    }
}
