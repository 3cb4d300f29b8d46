package org.ngms.optimiser.planning;

import java.time.Duration;
import java.util.List;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.IndexedInstance;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * OptaPlanner on the planning model: a construction heuristic, then tabu search for a bounded number of steps (so
 * that a run is reproducible, with {@link EnvironmentMode#REPRODUCIBLE} and a fixed seed) under a wall-time guard.
 * It proves nothing beyond the trivial bound (every bidder winning its largest bid); the exact solver uses its answer
 * as a warm start.
 */
public final class HeuristicSolver implements WinnerDetermination {

    private final long steps;

    public HeuristicSolver(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1: " + steps);
        }
        this.steps = steps;
    }

    @Override
    public Allocation solve(Instance instance, TieBreak tieBreak, Duration timeLimit) {
        long started = System.nanoTime();
        IndexedInstance p = new IndexedInstance(instance, tieBreak);
        boolean[] chosen = chosen(p, timeLimit);
        long value = 0;
        long bound = 0;
        for (int b = 0; b < p.bidCount; b++) {
            value += chosen[b] ? p.amount[b] : 0;
        }
        for (int[] bids : p.bidsOf) {
            long max = 0;
            for (int b : bids) {
                max = Math.max(max, p.forbiddenByCap[b] ? 0 : p.amount[b]);
            }
            bound += max;
        }
        return new Allocation(instance.name(), value, p.winners(chosen), value == bound, bound, false,
                (System.nanoTime() - started) / 1e9);
    }

    /** The best feasible choice found; none at all if the search ends on a plan that breaks a rule. */
    public boolean[] chosen(IndexedInstance p, Duration timeLimit) {
        if (p.bidCount == 0) {
            return new boolean[0];
        }
        Solver<SealedRoundPlan> solver = SolverFactory.<SealedRoundPlan>create(config(p, timeLimit)).buildSolver();
        SealedRoundPlan best = solver.solve(PlanMapping.plan(p));
        if (best.getScore() == null || !best.getScore().isFeasible()) {
            return new boolean[p.bidCount];
        }
        return PlanMapping.chosen(p, best);
    }

    private SolverConfig config(IndexedInstance p, Duration timeLimit) {
        int tabu = Math.min(7, p.bidderCount / 3);
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(tabu))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1000))
                .withTerminationConfig(new TerminationConfig().withStepCountLimit((int) Math.min(steps,
                        Integer.MAX_VALUE)));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(SealedRoundPlan.class)
                .withEntityClasses(BidderChoice.class)
                .withConstraintProviderClass(SealedRoundConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(0L)
                .withPhaseList(tabu == 0 ? List.of(new ConstructionHeuristicPhaseConfig())
                        : List.of(new ConstructionHeuristicPhaseConfig(), localSearch))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
        config.getScoreDirectorFactoryConfig().setConstraintStreamImplType(ConstraintStreamImplType.BAVET);
        return config;
    }
}
