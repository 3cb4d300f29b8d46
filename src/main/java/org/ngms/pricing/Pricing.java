package org.ngms.pricing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Feasibility;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.Winner;
import org.ngms.optimiser.WinnerDetermination;
import org.ngms.pricing.PricingOutcome.NotPriced;
import org.ngms.pricing.PricingOutcome.Priced;
import org.ngms.pricing.PricingOutcome.Status;

/**
 * Computes each winner's payment under a {@link PaymentRule}, only for a proven-optimal allocation. VCG and the
 * core rule re-solve winner determination exactly (reserve prices treated as bids, see {@link ReserveBids}); a
 * sub-solve that is not proven optimal stops pricing with a status, never with a guess.
 */
public final class Pricing {

    private final WinnerDetermination solver;
    private final Duration solveLimit;

    public Pricing(WinnerDetermination solver, Duration solveLimit) {
        this.solver = solver;
        this.solveLimit = solveLimit;
    }

    public PricingOutcome price(PaymentRule rule, Instance instance, Allocation allocation) {
        if (!allocation.provenOptimal()) {
            return new NotPriced(Status.ALLOCATION_NOT_PROVEN_OPTIMAL, "value " + allocation.value()
                    + " is below the proven bound " + allocation.upperBound());
        }
        List<String> broken = Feasibility.brokenRules(instance, allocation.winners());
        if (!broken.isEmpty()) {
            return new NotPriced(Status.ALLOCATION_INFEASIBLE, String.join("; ", broken));
        }
        return switch (rule) {
            case PAY_AS_BID -> fixed(rule, instance, allocation, false);
            case AT_RESERVE -> fixed(rule, instance, allocation, true);
            case VCG -> vcg(instance, allocation).outcome();
            case CORE_NEAREST_VCG -> core(instance, allocation);
        };
    }

    private static Priced fixed(PaymentRule rule, Instance instance, Allocation allocation, boolean atReserve) {
        List<Payment> payments = new ArrayList<>();
        for (Winner winner : allocation.winners()) {
            Bid bid = bid(instance, winner);
            payments.add(new Payment(winner.bidder(), winner.bid(),
                    atReserve ? instance.reserveValue(bid) : bid.amount()));
        }
        return new Priced(rule, payments, payments.stream().mapToLong(Payment::amount).sum(), 0);
    }

    static Bid bid(Instance instance, Winner winner) {
        return instance.bidders().stream().filter(b -> b.id().equals(winner.bidder())).findFirst().orElseThrow()
                .bids().stream().filter(b -> b.id().equals(winner.bid())).findFirst().orElseThrow();
    }

    /** The surplus problem around an allocation: winners' surplus bids b~ and reserve values r, and wd~(N). */
    record Surplus(Instance instance, List<Winner> winners, long[] bid, long[] reserve, long optimum) {
    }

    record Vcg(PricingOutcome outcome, Surplus surplus, long[] payments, int solves) {
    }

    /**
     * VCG with reserve prices treated as bids: p_j = r_j + wd~(N \ j) - (wd~(N) - b~_j), where ~ marks amounts over
     * the packages' reserve values.
     */
    Vcg vcg(Instance instance, Allocation allocation) {
        Instance surplusInstance = ReserveBids.surplus(instance);
        Allocation all = solver.solve(surplusInstance, TieBreak.DEFAULT, solveLimit);
        int solves = 1;
        if (!all.provenOptimal()) {
            return new Vcg(notProven("wd(N)", all), null, null, solves);
        }
        List<Winner> winners = allocation.winners();
        long[] b = new long[winners.size()];
        long[] r = new long[winners.size()];
        long allocated = 0;
        for (int w = 0; w < winners.size(); w++) {
            Bid bid = bid(instance, winners.get(w));
            r[w] = instance.reserveValue(bid);
            b[w] = bid.amount() - r[w];
            allocated += b[w];
        }
        if (allocated != all.value()) {
            return new Vcg(new NotPriced(Status.ALLOCATION_NOT_OPTIMAL_WITH_RESERVE_BIDS, "the allocation is worth "
                    + allocated + " over reserve, the optimum with reserve bids is " + all.value()), null, null,
                    solves);
        }
        Surplus surplus = new Surplus(surplusInstance, winners, b, r, all.value());
        long[] payments = new long[winners.size()];
        List<Payment> list = new ArrayList<>();
        for (int w = 0; w < winners.size(); w++) {
            String bidder = winners.get(w).bidder();
            List<Bidder> others = surplusInstance.bidders().stream().filter(x -> !x.id().equals(bidder)).toList();
            Allocation without = solver.solve(surplusInstance.withBidders(others), TieBreak.DEFAULT, solveLimit);
            solves++;
            if (!without.provenOptimal()) {
                return new Vcg(notProven("wd(N \\ " + bidder + ")", without), surplus, null, solves);
            }
            payments[w] = without.value() - (all.value() - b[w]);
            list.add(new Payment(bidder, winners.get(w).bid(), r[w] + payments[w]));
        }
        Priced priced = new Priced(PaymentRule.VCG, list, list.stream().mapToLong(Payment::amount).sum(), solves);
        return new Vcg(priced, surplus, payments, solves);
    }

    private static NotPriced notProven(String what, Allocation a) {
        return new NotPriced(Status.SUBPROBLEM_NOT_PROVEN_OPTIMAL, what + " reached " + a.value()
                + " but only the bound " + a.upperBound() + " was proven");
    }

    private PricingOutcome core(Instance instance, Allocation allocation) {
        Vcg vcg = vcg(instance, allocation);
        if (!(vcg.outcome() instanceof Priced)) {
            return vcg.outcome();
        }
        Surplus s = vcg.surplus();
        CoreConstraintGeneration ccg = new CoreConstraintGeneration(s.bid(), vcg.payments());
        int solves = vcg.solves();
        Map<String, Integer> winnerIndex = new HashMap<>();
        for (int w = 0; w < s.winners().size(); w++) {
            winnerIndex.put(s.winners().get(w).bidder(), w);
        }
        for (int iteration = 0; iteration < CoreConstraintGeneration.MAX_CUTS; iteration++) {
            long[] p = ccg.payments();
            Allocation blocking = solver.solve(separation(s, p), TieBreak.DEFAULT, solveLimit);
            solves++;
            if (!blocking.provenOptimal()) {
                return notProven("the core separation problem", blocking);
            }
            long revenue = 0;
            for (long payment : p) {
                revenue += payment;
            }
            if (blocking.value() <= revenue) {
                List<Payment> payments = new ArrayList<>();
                for (int w = 0; w < p.length; w++) {
                    Winner winner = s.winners().get(w);
                    payments.add(new Payment(winner.bidder(), winner.bid(), s.reserve()[w] + p[w]));
                }
                return new Priced(PaymentRule.CORE_NEAREST_VCG, payments,
                        payments.stream().mapToLong(Payment::amount).sum(), solves);
            }
            // the coalition C of the blocking allocation: Σ_{j ∈ W \ C} p_j ≥ Σ_{j∈C} b~_j(S_j) − Σ_{j ∈ W∩C} b~_j*
            boolean[] inCoalition = new boolean[p.length];
            long rhs = 0;
            for (Winner member : blocking.winners()) {
                rhs += bid(s.instance(), member).amount();
                Integer w = winnerIndex.get(member.bidder());
                if (w != null) {
                    inCoalition[w] = true;
                    rhs -= s.bid()[w];
                }
            }
            ccg.addCut(inCoalition, rhs);
        }
        return new NotPriced(Status.CORE_NOT_REACHED, "no core point after " + CoreConstraintGeneration.MAX_CUTS
                + " cuts");
    }

    /** The separation problem: every bid of winner j reduced by its surplus b~_j* − p_j (bids that fall below 0 go). */
    private static Instance separation(Surplus s, long[] p) {
        Map<String, Long> reduction = new HashMap<>();
        for (int w = 0; w < p.length; w++) {
            reduction.put(s.winners().get(w).bidder(), s.bid()[w] - p[w]);
        }
        List<Bidder> bidders = new ArrayList<>();
        for (Bidder bidder : s.instance().bidders()) {
            long u = reduction.getOrDefault(bidder.id(), 0L);
            List<Bid> bids = new ArrayList<>();
            for (Bid bid : bidder.bids()) {
                if (bid.amount() - u >= 0) {
                    bids.add(new Bid(bid.id(), bid.pack(), bid.amount() - u));
                }
            }
            bidders.add(new Bidder(bidder.id(), bidder.caps(), bids));
        }
        return s.instance().withBidders(bidders);
    }
}
