package org.ngms.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ngms.optimiser.assignment.AssignmentInstance;
import org.ngms.optimiser.assignment.AssignmentMarkets;
import org.ngms.optimiser.assignment.AssignmentResult;
import org.ngms.optimiser.assignment.ExhaustiveAssignment;
import org.ngms.optimiser.assignment.MarketWinner;
import org.ngms.pricing.PricingOutcome.Priced;

/**
 * On thousands of seeded random small markets, VCG equals the formula over brute-force wd(K), and the core price lies
 * between VCG and the winning bids and meets every coalition's cut, wd(K) again by brute force; when VCG meets every
 * cut the core price is VCG. The same input gives the same prices.
 */
class AssignmentPricesPropertyTest {

    private static final int MARKETS = 3_000;

    private final ExhaustiveAssignment exact = new ExhaustiveAssignment();
    private final AssignmentPrices prices = new AssignmentPrices(exact);

    @Test
    void vcgIsTheFormulaAndTheCorePriceMeetsEveryCutBetweenVcgAndTheBids() {
        int raised = 0;
        for (long seed = 1; seed <= MARKETS; seed++) {
            AssignmentInstance instance = AssignmentMarkets.random(seed);
            AssignmentResult result = exact.solve(instance);
            if (!result.provenOptimal()) {
                continue;
            }
            List<MarketWinner> winners = instance.market().winners();
            int n = winners.size();
            long[] bid = new long[n];
            Set<String> all = new HashSet<>();
            for (int j = 0; j < n; j++) {
                String bidder = winners.get(j).bidder();
                bid[j] = instance.amount(bidder, result.chosen().get(bidder));
                all.add(bidder);
            }
            long optimum = AssignmentMarkets.wd(instance, all);
            long[] expectedVcg = new long[n];
            for (int j = 0; j < n; j++) {
                Set<String> others = new HashSet<>(all);
                others.remove(winners.get(j).bidder());
                expectedVcg[j] = AssignmentMarkets.wd(instance, others) - (optimum - bid[j]);
            }
            Priced vcg = (Priced) prices.price(PaymentRule.VCG, instance, result);
            Priced core = (Priced) prices.price(PaymentRule.CORE_NEAREST_VCG, instance, result);
            long[] p = new long[n];
            for (int j = 0; j < n; j++) {
                assertThat(vcg.payments().get(j).amount()).as("VCG of winner %d, market %d", j, seed)
                        .isEqualTo(expectedVcg[j]);
                p[j] = core.payments().get(j).amount();
                assertThat(p[j]).as("core of winner %d, market %d", j, seed).isBetween(expectedVcg[j], bid[j]);
            }
            boolean vcgInCore = true;
            for (int k = 1; k < (1 << n) - 1; k++) {
                Set<String> coalition = new HashSet<>();
                long rhs = 0;
                long paid = 0;
                long paidAtVcg = 0;
                for (int j = 0; j < n; j++) {
                    if ((k & (1 << j)) != 0) {
                        coalition.add(winners.get(j).bidder());
                        rhs -= bid[j];
                    } else {
                        paid += p[j];
                        paidAtVcg += expectedVcg[j];
                    }
                }
                rhs += AssignmentMarkets.wd(instance, coalition);
                assertThat(paid).as("cut of coalition %s, market %d", coalition, seed).isGreaterThanOrEqualTo(rhs);
                vcgInCore &= paidAtVcg >= rhs;
            }
            if (vcgInCore) {
                assertThat(core.payments()).as("core of market %d, VCG in the core", seed)
                        .isEqualTo(vcg.payments());
            } else {
                raised++;
            }
            if (seed % 10 == 0) {
                assertThat(prices.price(PaymentRule.CORE_NEAREST_VCG, instance, result)).isEqualTo(core);
            }
        }
        // the generator must give the core something to raise
        assertThat(raised).isGreaterThan(MARKETS / 100);
    }
}
