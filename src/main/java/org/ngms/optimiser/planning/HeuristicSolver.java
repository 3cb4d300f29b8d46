package org.ngms.optimiser.planning;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.IndexedInstance;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * OptaPlanner on the planning model ({@code solverConfig.xml} beside this class): a construction heuristic, then a
 * late-acceptance local search of a bounded number of steps, REPRODUCIBLE with a fixed seed, so that a run that
 * finishes its steps gives the same plan everywhere; the caller's time limit ends it early. It proves nothing beyond
 * the trivial bound (every bidder winning its largest bid); the exact solver can take its answer as a warm start.
 */
public final class HeuristicSolver implements WinnerDetermination {

    private static final SolverFactory<SealedRoundPlan> FACTORY =
            SolverFactory.createFromXmlResource("org/ngms/optimiser/planning/solverConfig.xml");

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
        Solver<SealedRoundPlan> solver = FACTORY.buildSolver();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heuristic-time-limit");
            thread.setDaemon(true);
            return thread;
        });
        SealedRoundPlan best;
        try {
            timer.schedule(solver::terminateEarly, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            best = solver.solve(PlanMapping.plan(p));
        } finally {
            timer.shutdownNow();
        }
        if (best.getScore() == null || !best.getScore().isFeasible()) {
            return new boolean[p.bidCount];
        }
        return PlanMapping.chosen(p, best);
    }
}
