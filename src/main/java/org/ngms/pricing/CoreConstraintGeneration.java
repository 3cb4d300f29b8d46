package org.ngms.pricing;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The price side of core constraint generation (Day and Raghavan 2007; quadratic step of Day and Cramton), in the
 * surplus space of {@link ReserveBids}: payments p with VCG v ≤ p ≤ b~ (the winning bids over reserve) and the cuts
 * found so far, each Σ_{j ∈ S} p_j ≥ β with integer β.
 *
 * <ol>
 * <li>minimum revenue: R* = min Σ p_j (a linear program);</li>
 * <li>quadratic step: p* = argmin Σ (p_j − v_j)² subject to the cuts and Σ p_j = R* (a convex quadratic program);</li>
 * <li>whole units: each p*_j rounded up to the whole unit (a value within 10⁻⁶ of a whole number counts as that
 * number), kept within [v_j, b~_j]. Every cut has 0/1 coefficients and an integer right-hand side, so rounding up
 * never breaks one; should floating-point error leave a cut broken, the payments of its members are raised in winner
 * order, one unit at a time, until it holds (a repair that has not been needed on any instance tried).</li>
 * </ol>
 * The LP and QP are solved in double precision by ojAlgo, deterministically; the integer payments are what the
 * exact separation problem then checks against every coalition, so membership of the core is decided exactly.
 */
final class CoreConstraintGeneration {

    static final int MAX_CUTS = 500;

    private static final double WHOLE = 1e-6;

    private final long[] bid;
    private final long[] vcg;
    private final List<boolean[]> members = new ArrayList<>();
    private final List<Long> rhs = new ArrayList<>();

    CoreConstraintGeneration(long[] bid, long[] vcg) {
        this.bid = bid.clone();
        this.vcg = vcg.clone();
        for (int w = 0; w < bid.length; w++) {
            if (vcg[w] < 0 || vcg[w] > bid[w]) {
                throw new IllegalArgumentException("VCG payment " + vcg[w] + " of winner " + w + " is outside [0, "
                        + bid[w] + "]");
            }
        }
    }

    /** Adds the cut Σ_{j in W \ C} p_j ≥ rhs, where {@code inCoalition} marks the winners in C. */
    void addCut(boolean[] inCoalition, long cutRhs) {
        boolean[] paying = new boolean[bid.length];
        for (int w = 0; w < bid.length; w++) {
            paying[w] = !inCoalition[w];
        }
        members.add(paying);
        rhs.add(cutRhs);
    }

    int cuts() {
        return members.size();
    }

    /** The current payments: VCG before any cut, else the rounded nearest-VCG minimum-revenue point. */
    long[] payments() {
        if (members.isEmpty()) {
            return vcg.clone();
        }
        double scale = 1;
        for (long b : bid) {
            scale = Math.max(scale, b);
        }
        double revenue = minimumRevenue(scale);
        double[] nearest = nearestToVcg(scale, revenue);
        long[] p = new long[bid.length];
        for (int w = 0; w < bid.length; w++) {
            double value = nearest[w] * scale;
            long whole = Math.round(value);
            long up = Math.abs(value - whole) <= WHOLE * Math.max(1, Math.abs(value)) ? whole : (long) Math.ceil(value);
            p[w] = Math.min(bid[w], Math.max(vcg[w], up));
        }
        repair(p);
        return p;
    }

    private void repair(long[] p) {
        for (int k = 0; k < members.size(); k++) {
            boolean[] paying = members.get(k);
            long missing = rhs.get(k) - sum(p, paying);
            for (int w = 0; w < p.length && missing > 0; w++) {
                if (paying[w]) {
                    long raise = Math.min(missing, bid[w] - p[w]);
                    p[w] += raise;
                    missing -= raise;
                }
            }
        }
    }

    private static long sum(long[] p, boolean[] paying) {
        long total = 0;
        for (int w = 0; w < p.length; w++) {
            total += paying[w] ? p[w] : 0;
        }
        return total;
    }

    private ExpressionsBasedModel model(double scale, Variable[] p) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        for (int w = 0; w < bid.length; w++) {
            p[w] = model.addVariable("p" + w).lower(vcg[w] / scale).upper(bid[w] / scale);
        }
        for (int k = 0; k < members.size(); k++) {
            Expression cut = model.addExpression("cut" + k).lower(rhs.get(k) / scale);
            for (int w = 0; w < bid.length; w++) {
                if (members.get(k)[w]) {
                    cut.set(p[w], 1.0);
                }
            }
        }
        return model;
    }

    private double minimumRevenue(double scale) {
        Variable[] p = new Variable[bid.length];
        ExpressionsBasedModel model = model(scale, p);
        Expression revenue = model.addExpression("revenue").weight(1.0);
        for (Variable v : p) {
            revenue.set(v, 1.0);
        }
        Optimisation.Result result = model.minimise();
        requireOptimal(result, "minimum-revenue core LP");
        return result.getValue();
    }

    private double[] nearestToVcg(double scale, double revenue) {
        Variable[] p = new Variable[bid.length];
        ExpressionsBasedModel model = model(scale, p);
        Expression total = model.addExpression("revenue").upper(revenue + 1e-9 * Math.max(1, revenue));
        Expression distance = model.addExpression("distance").weight(1.0);
        for (int w = 0; w < bid.length; w++) {
            total.set(p[w], 1.0);
            distance.set(p[w], p[w], 1.0);
            distance.set(p[w], -2.0 * vcg[w] / scale);
        }
        Optimisation.Result result = model.minimise();
        requireOptimal(result, "quadratic nearest-VCG step");
        double[] values = new double[bid.length];
        for (int w = 0; w < bid.length; w++) {
            values[w] = result.doubleValue(w);
        }
        return values;
    }

    private static void requireOptimal(Optimisation.Result result, String what) {
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException(what + " ended " + result.getState()
                    + ": the cuts admit VCG-to-bid payments, so this is a solver failure");
        }
    }
}
