package org.ngms.pricing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import org.ngms.optimiser.assignment.AssignmentInstance;
import org.ngms.optimiser.assignment.AssignmentResult;
import org.ngms.optimiser.assignment.CoalitionValue;
import org.ngms.optimiser.assignment.ExhaustiveAssignment;
import org.ngms.optimiser.assignment.MarketWinner;
import org.ngms.pricing.PricingOutcome.NotPriced;
import org.ngms.pricing.PricingOutcome.Priced;
import org.ngms.pricing.PricingOutcome.Status;

/**
 * Prices of the assignment round of one market, for a proven-optimal assignment only. Every winner W of the market
 * is a winner of the round (the clock stage already sold it its blocks), b*_j is its bid on the option it is given
 * (0 if it bid none), and wd(K) is the greatest sum of the bids of the winners in K over complete assignments, the
 * others still assigned ({@link ExhaustiveAssignment#wd}).
 *
 * <ul>
 * <li>VCG: p_j = wd(W \ {j}) − (wd(W) − b*_j), which lies in [0, b*_j].</li>
 * <li>Core, nearest VCG: for every proper, non-empty coalition K of W, enumerated explicitly, the cut
 * Σ_{j ∉ K} p_j ≥ wd(K) − Σ_{j ∈ K} b*_j, with VCG ≤ p ≤ b*; then the minimum-revenue point nearest to VCG in whole
 * units ({@link CoreConstraintGeneration}). A cut VCG already meets is met by every p ≥ VCG, so only the cuts VCG
 * breaks are passed on, and when there are none VCG is the core price. More than {@link #MAX_WINNERS} winners in a
 * market is refused with TOO_MANY_WINNERS rather than enumerated.</li>
 * <li>Pay as bid: b*. At reserve: 0, as the assignment round has no reserve prices of its own.</li>
 * </ul>
 * Any wd(K) the exhaustive search does not prove stops pricing with SUBPROBLEM_NOT_PROVEN_OPTIMAL, never a guess.
 */
public final class AssignmentPrices {

    /** 2⁸ − 2 = 254 coalitions, each one exhaustive search. */
    public static final int MAX_WINNERS = 8;

    private final ExhaustiveAssignment exact;

    public AssignmentPrices(ExhaustiveAssignment exact) {
        this.exact = exact;
    }

    public PricingOutcome price(PaymentRule rule, AssignmentInstance instance, AssignmentResult result) {
        String market = instance.market().id();
        if (!market.equals(result.market())) {
            return new NotPriced(Status.ALLOCATION_INFEASIBLE, "the result is of market " + result.market()
                    + ", not " + market);
        }
        if (!result.provenOptimal()) {
            return new NotPriced(Status.ALLOCATION_NOT_PROVEN_OPTIMAL, "market " + market + ": " + result.status()
                    + ", value " + result.value() + ", bound " + result.bound());
        }
        List<String> broken = instance.brokenRules(result.chosen());
        if (!broken.isEmpty()) {
            return new NotPriced(Status.ALLOCATION_INFEASIBLE, String.join("; ", broken));
        }
        List<MarketWinner> winners = instance.market().winners();
        int n = winners.size();
        long[] bid = new long[n];
        for (int j = 0; j < n; j++) {
            String bidder = winners.get(j).bidder();
            bid[j] = instance.amount(bidder, result.chosen().get(bidder));
        }
        return switch (rule) {
            case PAY_AS_BID -> priced(rule, instance, result, bid, 0);
            case AT_RESERVE -> priced(rule, instance, result, new long[n], 0);
            case VCG -> vcgOrCore(false, instance, result, bid);
            case CORE_NEAREST_VCG -> n > MAX_WINNERS
                    ? new NotPriced(Status.TOO_MANY_WINNERS, "market " + market + " has " + n
                            + " winners; the core is enumerated over coalitions of at most " + MAX_WINNERS)
                    : vcgOrCore(true, instance, result, bid);
        };
    }

    private PricingOutcome vcgOrCore(boolean core, AssignmentInstance instance, AssignmentResult result, long[] bid) {
        int n = bid.length;
        Wd wd = new Wd(instance);
        Long optimum = wd.of(members(n, j -> true));
        if (optimum == null) {
            return wd.notProven();
        }
        if (optimum != result.value()) {
            return new NotPriced(Status.ALLOCATION_NOT_PROVEN_OPTIMAL, "the assignment is worth " + result.value()
                    + ", wd(W) is " + optimum);
        }
        long[] vcg = new long[n];
        for (int j = 0; j < n; j++) {
            int excluded = j;
            Long without = wd.of(members(n, i -> i != excluded));
            if (without == null) {
                return wd.notProven();
            }
            vcg[j] = without - (optimum - bid[j]);
        }
        if (!core) {
            return priced(PaymentRule.VCG, instance, result, vcg, wd.solves);
        }
        CoreConstraintGeneration ccg = new CoreConstraintGeneration(bid, vcg);
        List<boolean[]> coalitions = new ArrayList<>();
        List<Long> rhs = new ArrayList<>();
        for (int k = 1; k < (1 << n) - 1; k++) {
            int set = k;
            boolean[] inK = members(n, j -> (set & (1 << j)) != 0);
            Long value = wd.of(inK);
            if (value == null) {
                return wd.notProven();
            }
            long cut = value;
            for (int j = 0; j < n; j++) {
                cut -= inK[j] ? bid[j] : 0;
            }
            coalitions.add(inK);
            rhs.add(cut);
            if (paid(vcg, inK) < cut) {
                ccg.addCut(inK, cut);
            }
        }
        long[] p = ccg.payments();
        for (int c = 0; c < coalitions.size(); c++) {
            if (paid(p, coalitions.get(c)) < rhs.get(c)) {
                return new NotPriced(Status.CORE_NOT_REACHED, "the nearest-VCG point " + Arrays.toString(p)
                        + " breaks the cut of coalition " + Arrays.toString(coalitions.get(c)));
            }
        }
        return priced(PaymentRule.CORE_NEAREST_VCG, instance, result, p, wd.solves);
    }

    private static boolean[] members(int n, IntPredicate member) {
        boolean[] in = new boolean[n];
        for (int j = 0; j < n; j++) {
            in[j] = member.test(j);
        }
        return in;
    }

    /** Σ_{j ∉ K} p_j. */
    private static long paid(long[] p, boolean[] inK) {
        long sum = 0;
        for (int j = 0; j < p.length; j++) {
            sum += inK[j] ? 0 : p[j];
        }
        return sum;
    }

    private static Priced priced(PaymentRule rule, AssignmentInstance instance, AssignmentResult result,
            long[] amounts, int solves) {
        List<Payment> payments = new ArrayList<>();
        List<MarketWinner> winners = instance.market().winners();
        for (int j = 0; j < winners.size(); j++) {
            String bidder = winners.get(j).bidder();
            payments.add(new Payment(bidder, result.chosen().get(bidder), amounts[j]));
        }
        return new Priced(rule, payments, payments.stream().mapToLong(Payment::amount).sum(), solves);
    }

    /** wd(K) by the exhaustive search, K marked by winner number; null once a solve is not proven optimal. */
    private final class Wd {

        private final AssignmentInstance instance;
        int solves;
        private CoalitionValue unproven;

        Wd(AssignmentInstance instance) {
            this.instance = instance;
        }

        Long of(boolean[] inK) {
            Set<String> members = new HashSet<>();
            for (int j = 0; j < inK.length; j++) {
                if (inK[j]) {
                    members.add(instance.market().winners().get(j).bidder());
                }
            }
            CoalitionValue value = exact.wd(instance, members);
            solves++;
            if (!value.provenOptimal()) {
                unproven = value;
                return null;
            }
            return value.value();
        }

        NotPriced notProven() {
            return new NotPriced(Status.SUBPROBLEM_NOT_PROVEN_OPTIMAL, "wd(" + String.join(", ",
                    unproven.coalition().stream().sorted().toList()) + ") is " + unproven.status() + ": value "
                    + unproven.value() + ", bound " + unproven.bound());
        }
    }
}
