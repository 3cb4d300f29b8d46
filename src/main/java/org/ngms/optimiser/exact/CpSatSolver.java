package org.ngms.optimiser.exact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.IndexedInstance;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * The exact method: Google OR-Tools CP-SAT on the integer program of wdp/1 (one Boolean per bid, at most one per
 * bidder, blocks per category at most the supply, a bid that breaks a cap binding its bidder never wins; maximise the
 * sum of winning amounts). CP-SAT's OPTIMAL status is the certificate: its proven bound equals the value.
 *
 * <p>Ties are broken in a second solve that fixes the value at the proven optimum and maximises the sum of the
 * winning bids' tie numbers ({@link TieBreak}), so the answer does not depend on which optimum CP-SAT meets first.
 */
public final class CpSatSolver implements WinnerDetermination {

    private static final class Natives {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // the static initialiser runs once per JVM
        }
    }

    /** Below this much time left after the first solve, the tie stage is not started. */
    static final double MIN_TIE_STAGE_SECONDS = 0.05;

    private final int workers;

    /** Loads OR-Tools' native library now (once per JVM; about half a second), so no solve's time includes it. */
    public static void loadNatives() {
        Natives.load();
    }

    public CpSatSolver(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workers = workers;
    }

    /** Eight workers, as CP-SAT's portfolio works best with several strategies even on two cores. */
    public CpSatSolver() {
        this(8);
    }

    @Override
    public Allocation solve(Instance instance, TieBreak tieBreak, Duration timeLimit) {
        return solve(new IndexedInstance(instance, tieBreak), timeLimit, null);
    }

    /** Solves with an optional starting allocation (chosen bid numbers) as a hint. */
    public Allocation solve(IndexedInstance p, Duration timeLimit, boolean[] hint) {
        Natives.load();
        long started = System.nanoTime();
        double limit = timeLimit.toNanos() / 1e9;
        Stage first = stage(p, null, hint, limit);
        if (first.status != CpSolverStatus.OPTIMAL) {
            long value = first.chosen == null ? 0 : value(p, first.chosen);
            long bound = Math.max(value, Math.min(first.bound, trivialBound(p)));
            boolean[] chosen = first.chosen == null ? new boolean[p.bidCount] : first.chosen;
            return new Allocation(p.instance.name(), value, p.winners(chosen), value == bound, bound, false,
                    seconds(started));
        }
        long optimum = value(p, first.chosen);
        // the tie stage gets what is left of the limit, never more: the limit bounds the whole solve. With nothing
        // left, the proven optimum stands with the tie rule not applied to the end (tieBreakComplete false).
        double remaining = limit - (System.nanoTime() - started) / 1e9;
        if (remaining < MIN_TIE_STAGE_SECONDS) {
            return new Allocation(p.instance.name(), optimum, p.winners(first.chosen), true, optimum, false,
                    seconds(started));
        }
        Stage ties = stage(p, optimum, first.chosen, remaining);
        boolean complete = ties.status == CpSolverStatus.OPTIMAL;
        boolean[] chosen = ties.chosen != null && value(p, ties.chosen) == optimum ? ties.chosen : first.chosen;
        return new Allocation(p.instance.name(), optimum, p.winners(chosen), true, optimum, complete,
                seconds(started));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Every bidder winning its largest bid: no allocation is worth more. */
    private static long trivialBound(IndexedInstance p) {
        long bound = 0;
        for (int[] bids : p.bidsOf) {
            long max = 0;
            for (int b : bids) {
                max = Math.max(max, p.amount[b]);
            }
            bound += max;
        }
        return bound;
    }

    private static long value(IndexedInstance p, boolean[] chosen) {
        long value = 0;
        for (int b = 0; b < p.bidCount; b++) {
            if (chosen[b]) {
                value += p.amount[b];
            }
        }
        return value;
    }

    private record Stage(CpSolverStatus status, boolean[] chosen, long bound) {
    }

    /** One CP-SAT solve: maximise value, or with {@code optimum} given, maximise tie numbers at that value. */
    private Stage stage(IndexedInstance p, Long optimum, boolean[] hint, double seconds) {
        CpModel model = new CpModel();
        Literal[] x = new Literal[p.bidCount];
        for (int b = 0; b < p.bidCount; b++) {
            if (!p.forbiddenByCap[b] && fitsAlone(p, b)) {
                x[b] = model.newBoolVar("x" + b);
                if (hint != null) {
                    model.addHint(x[b], hint[b]);
                }
            }
        }
        for (int[] bids : p.bidsOf) {
            List<Literal> own = new ArrayList<>();
            for (int b : bids) {
                if (x[b] != null) {
                    own.add(x[b]);
                }
            }
            if (own.size() > 1) {
                model.addAtMostOne(own);
            }
        }
        List<List<Literal>> byCategory = new ArrayList<>();
        List<List<Long>> blocks = new ArrayList<>();
        for (int c = 0; c < p.categoryCount; c++) {
            byCategory.add(new ArrayList<>());
            blocks.add(new ArrayList<>());
        }
        for (int b = 0; b < p.bidCount; b++) {
            if (x[b] == null) {
                continue;
            }
            for (int k = 0; k < p.categoriesOf[b].length; k++) {
                byCategory.get(p.categoriesOf[b][k]).add(x[b]);
                blocks.get(p.categoriesOf[b][k]).add(p.blocksOf[b][k]);
            }
        }
        for (int c = 0; c < p.categoryCount; c++) {
            long total = blocks.get(c).stream().mapToLong(Long::longValue).sum();
            if (total > p.supply[c]) {
                model.addLessOrEqual(weighted(byCategory.get(c), blocks.get(c)), p.supply[c]);
            }
        }
        List<Literal> live = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Long> ties = new ArrayList<>();
        for (int b = 0; b < p.bidCount; b++) {
            if (x[b] != null) {
                live.add(x[b]);
                amounts.add(p.amount[b]);
                ties.add(p.tieNumber[b]);
            }
        }
        if (optimum == null) {
            model.maximize(weighted(live, amounts));
        } else {
            model.addGreaterOrEqual(weighted(live, amounts), optimum);
            model.maximize(weighted(live, ties));
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(workers);
        solver.getParameters().setRandomSeed(1);
        solver.getParameters().setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model);
        boolean[] chosen = null;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            chosen = new boolean[p.bidCount];
            for (int b = 0; b < p.bidCount; b++) {
                chosen[b] = x[b] != null && solver.booleanValue(x[b]);
            }
        }
        long bound = Long.MAX_VALUE;
        if (optimum == null && status != CpSolverStatus.MODEL_INVALID) {
            double best = solver.bestObjectiveBound();
            bound = Double.isFinite(best) ? (long) Math.floor(best + 1e-6) : Long.MAX_VALUE;
        }
        return new Stage(status, chosen, bound);
    }

    private static boolean fitsAlone(IndexedInstance p, int b) {
        for (int k = 0; k < p.categoriesOf[b].length; k++) {
            if (p.blocksOf[b][k] > p.supply[p.categoriesOf[b][k]]) {
                return false;
            }
        }
        return true;
    }

    private static LinearExpr weighted(List<Literal> literals, List<Long> coefficients) {
        long[] c = coefficients.stream().mapToLong(Long::longValue).toArray();
        return LinearExpr.weightedSum(literals.toArray(new Literal[0]), c);
    }
}
