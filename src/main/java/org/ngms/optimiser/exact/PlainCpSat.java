package org.ngms.optimiser.exact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;
import org.ngms.optimiser.Winner;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * The reference for {@code wdp compare}: a plain CP-SAT model of a wdp/1 instance, built straight from the
 * {@link Instance} and solved once, with no tie rule. One Boolean per bid; at most one bid per bidder (XOR); per
 * category the blocks of the chosen bids at most its supply; a bid whose package breaks a cap binding its bidder
 * (a top-level cap or its own) never wins, as {@code IndexedInstance}, {@code Feasibility} and {@link CpSatSolver}
 * model caps (a bidder wins one package, so a cap binds one bid at a time); maximise the sum of chosen amounts. The
 * feasible set is the engine's; only the search differs (no presolve of its own, no second solve). The winners of
 * an optimum are whichever CP-SAT meets first: compare values, not winners.
 */
public final class PlainCpSat implements WinnerDetermination {

    private final int workers;

    public PlainCpSat(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workers = workers;
    }

    /** The tie-break seed is ignored: the plain model has no tie rule. */
    @Override
    public Allocation solve(Instance instance, TieBreak tieBreak, Duration timeLimit) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        CpModel model = new CpModel();
        List<Literal> all = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Winner> names = new ArrayList<>();
        Map<String, List<Literal>> byCategory = new HashMap<>();
        Map<String, List<Long>> blocksByCategory = new HashMap<>();
        for (Bidder bidder : instance.bidders()) {
            List<Cap> caps = instance.capsOf(bidder);
            List<Literal> own = new ArrayList<>();
            for (Bid bid : bidder.bids()) {
                BoolVar x = model.newBoolVar(bid.id());
                if (caps.stream().anyMatch(cap -> cap.brokenBy(bid.pack()))) {
                    model.addEquality(x, 0);
                }
                own.add(x);
                all.add(x);
                amounts.add(bid.amount());
                names.add(new Winner(bidder.id(), bid.id()));
                for (Map.Entry<String, Long> e : bid.pack().entrySet()) {
                    byCategory.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(x);
                    blocksByCategory.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                }
            }
            if (!own.isEmpty()) {
                model.addAtMostOne(own);
            }
        }
        for (Category category : instance.categories()) {
            List<Literal> xs = byCategory.get(category.id());
            if (xs != null) {
                model.addLessOrEqual(weighted(xs, blocksByCategory.get(category.id())), category.supply());
            }
        }
        model.maximize(weighted(all, amounts));
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimit.toNanos() / 1e9);
        solver.getParameters().setNumWorkers(workers);
        solver.getParameters().setRandomSeed(1);
        solver.getParameters().setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model);
        long value = 0;
        List<Winner> winners = new ArrayList<>();
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            for (int b = 0; b < all.size(); b++) {
                if (solver.booleanValue(all.get(b))) {
                    value += amounts.get(b);
                    winners.add(names.get(b));
                }
            }
        }
        long bound;
        if (status == CpSolverStatus.OPTIMAL) {
            bound = value;
        } else {
            double best = solver.bestObjectiveBound();
            long trivial = 0;
            for (Bidder bidder : instance.bidders()) {
                trivial += bidder.bids().stream().mapToLong(Bid::amount).max().orElse(0);
            }
            bound = Double.isFinite(best) ? Math.min(trivial, (long) Math.floor(best + 1e-6)) : trivial;
            bound = Math.max(value, bound);
        }
        return new Allocation(instance.name(), value, winners, value == bound, bound, false,
                (System.nanoTime() - started) / 1e9);
    }

    private static LinearExpr weighted(List<Literal> literals, List<Long> coefficients) {
        long[] c = coefficients.stream().mapToLong(Long::longValue).toArray();
        return LinearExpr.weightedSum(literals.toArray(new Literal[0]), c);
    }
}
