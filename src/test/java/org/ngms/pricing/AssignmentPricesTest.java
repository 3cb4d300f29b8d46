package org.ngms.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.optimiser.assignment.AssignmentMarkets.CONTEXT;
import static org.ngms.optimiser.assignment.AssignmentMarkets.SEED;
import static org.ngms.optimiser.assignment.AssignmentMarkets.winner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.optimiser.assignment.AssignmentInstance;
import org.ngms.optimiser.assignment.AssignmentMarket;
import org.ngms.optimiser.assignment.AssignmentResult;
import org.ngms.optimiser.assignment.ExhaustiveAssignment;
import org.ngms.optimiser.assignment.MarketWinner;
import org.ngms.optimiser.assignment.PlannedAssignment;
import org.ngms.pricing.PricingOutcome.NotPriced;
import org.ngms.pricing.PricingOutcome.Priced;
import org.ngms.pricing.PricingOutcome.Status;

class AssignmentPricesTest {

    private final ExhaustiveAssignment exact = new ExhaustiveAssignment();
    private final AssignmentPrices prices = new AssignmentPrices(exact);

    private Priced price(PaymentRule rule, AssignmentInstance instance) {
        AssignmentResult result = new PlannedAssignment(exact).solve(instance);
        PricingOutcome outcome = prices.price(rule, instance, result);
        assertThat(outcome).isInstanceOf(Priced.class);
        return (Priced) outcome;
    }

    /**
     * Five blocks 0-4; a and b won one block each, c two. a bids 4 on block 1, b bids 2 on block 2, c bids 5 on
     * blocks 1-2 (amounts times {@code unit}). The optimum gives a block 1 and b block 2 (6), which leaves c only
     * 3-4 (c has no bid there); c on 1-2 is worth only 5. So b* = (a 4, b 2, c 0) and wd(W) = 6.
     *
     * <pre>
     * wd(W \ a) = 5 (c on 1-2)        VCG a = 5 − (6 − 4) = 3
     * wd(W \ b) = 5 (c on 1-2)        VCG b = 5 − (6 − 2) = 1
     * wd(W \ c) = 6                   VCG c = 6 − (6 − 0) = 0
     * </pre>
     * VCG raises 4, less than the 5 that c alone offers: the coalition {c} blocks it. The cuts
     * Σ_{j ∉ K} p_j ≥ wd(K) − Σ_{j ∈ K} b*_j that bind:
     * <pre>
     * K = {c}:    p_a + p_b ≥ 5 − 0 = 5
     * K = {b, c}: p_a ≥ 5 − 2 = 3
     * K = {a, c}: p_b ≥ 5 − 4 = 1
     * </pre>
     * (K = {a}, {b}, {a, b} give right-hand sides 4 − 4, 2 − 2, 6 − 6 = 0.) Minimum revenue 5; the nearest point to
     * VCG (3, 1) on p_a + p_b = 5 adds half the missing 1 to each: (3.5, 1.5), c pays 0.
     */
    static AssignmentInstance middleOfTheBand(long unit) {
        AssignmentMarket market = new AssignmentMarket("m", 5,
                List.of(winner("a", 1, 5), winner("b", 1, 5), winner("c", 2, 5)));
        return new AssignmentInstance(market, Map.of("a", Map.of("1-1", 4 * unit), "b", Map.of("2-2", 2 * unit),
                "c", Map.of("1-2", 5 * unit)), SEED, CONTEXT);
    }

    @Test
    void vcgChargesEachWinnerTheBidsItDisplacesWhenTwoSmallWinnersBlockALargeOne() {
        Priced vcg = price(PaymentRule.VCG, middleOfTheBand(1_000_000));
        assertThat(vcg.payments()).containsExactly(new Payment("a", "1-1", 3_000_000),
                new Payment("b", "2-2", 1_000_000), new Payment("c", "3-4", 0));
        assertThat(vcg.revenue()).isEqualTo(4_000_000);
        assertThat(vcg.solves()).isEqualTo(4);
    }

    @Test
    void theCoreRaisesVcgToWhatTheBlockedWinnerOfferedSplittingTheShortfallEvenly() {
        Priced core = price(PaymentRule.CORE_NEAREST_VCG, middleOfTheBand(1_000_000));
        assertThat(core.payments()).containsExactly(new Payment("a", "1-1", 3_500_000),
                new Payment("b", "2-2", 1_500_000), new Payment("c", "3-4", 0));
        assertThat(core.revenue()).isEqualTo(5_000_000);
        // wd(W), three wd(W \ j) and all six proper coalitions (three of them the same sets again)
        assertThat(core.solves()).isEqualTo(10);
    }

    @Test
    void fractionalCorePaymentsAreRoundedUpToTheWholeUnit() {
        // 3.5 and 1.5 round up to 4 and 2: still no more than the bids 4 and 2
        Priced core = price(PaymentRule.CORE_NEAREST_VCG, middleOfTheBand(1));
        assertThat(core.payments()).extracting(Payment::amount).containsExactly(4L, 2L, 0L);
    }

    /**
     * Six blocks 0-5 and three winners of two blocks each, so the complete assignments share out 0-1, 2-3 and 4-5.
     * x bids 3 on 0-1 and 1 on 2-3; y bids 2 on 0-1 and 1 on 4-5; z bids 2 on 2-3. The optimum is x 0-1, z 2-3,
     * y 4-5, worth 6 (the next best, y 0-1, z 2-3, x 4-5, is worth 4). b* = (x 3, y 1, z 2).
     *
     * <pre>
     * wd(W \ x) = 4 (y 0-1, z 2-3)    VCG x = 4 − (6 − 3) = 1
     * wd(W \ y) = 5 (x 0-1, z 2-3)    VCG y = 5 − (6 − 1) = 0
     * wd(W \ z) = 4 (x 0-1, y 4-5)    VCG z = 4 − (6 − 2) = 0
     * </pre>
     * Every cut holds at VCG (1, 0, 0): K = {y}: p_x + p_z ≥ 2 − 1 = 1; K = {y, z}: p_x ≥ 4 − 3 = 1; K = {x}:
     * 3 − 3 = 0; K = {z}: 2 − 2 = 0; K = {x, y}: 4 − 4 = 0; K = {x, z}: 5 − 5 = 0. So VCG is in the core and is the
     * core price.
     */
    static AssignmentInstance threeSlots() {
        AssignmentMarket market = new AssignmentMarket("m", 6,
                List.of(winner("x", 2, 6), winner("y", 2, 6), winner("z", 2, 6)));
        return new AssignmentInstance(market, Map.of("x", Map.of("0-1", 3L, "2-3", 1L),
                "y", Map.of("0-1", 2L, "4-5", 1L), "z", Map.of("2-3", 2L)), SEED, CONTEXT);
    }

    @Test
    void whenVcgIsAlreadyInTheCoreTheCorePriceIsVcg() {
        Priced vcg = price(PaymentRule.VCG, threeSlots());
        Priced core = price(PaymentRule.CORE_NEAREST_VCG, threeSlots());
        assertThat(vcg.payments()).containsExactly(new Payment("x", "0-1", 1), new Payment("y", "4-5", 0),
                new Payment("z", "2-3", 0));
        assertThat(core.payments()).isEqualTo(vcg.payments());
    }

    /**
     * Because everyone must be assigned, a winner that gets nothing it bid on can still block. Four blocks 0-3; a and
     * b one block each, c two. a bids 1 on block 0 and 2 on block 1, b bids 2 on block 2, c bids 3 on 1-2 (times 10).
     * c on 1-2 leaves a and b blocks 0 and 3: a 0, b 3, c 1-2 is worth 4 and is the optimum (c on 0-1 or 2-3 gives
     * 2 at most). b* = (a 1, b 0, c 3).
     *
     * <pre>
     * wd(W \ a) = 3 (c 1-2)           VCG a = 3 − (4 − 1) = 0
     * wd(W \ b) = 4                   VCG b = 4 − (4 − 0) = 0
     * wd(W \ c) = 2 (a 1 or b 2)      VCG c = 2 − (4 − 3) = 1
     * </pre>
     * K = {b}: b on block 2 (c then on 0-1, a on 3) offers 2, so p_a + p_c ≥ 2 − 0 = 2, which VCG (0, 0, 1) breaks.
     * The other cuts: K = {a}: p_b + p_c ≥ 2 − 1 = 1; K = {a, b}: p_c ≥ 2 − 1 = 1; the rest 0. With p_a ≤ 1 and
     * p_b ≤ 0, the minimum revenue is 2 and the nearest point to VCG on p_a + p_c = 2 is (0.5, 0, 1.5): 5, 0 and 15.
     */
    @Test
    void aWinnerGivenAnOptionItDidNotBidOnCanStillRaiseTheOthersCorePrices() {
        AssignmentMarket market = new AssignmentMarket("m", 4,
                List.of(winner("a", 1, 4), winner("b", 1, 4), winner("c", 2, 4)));
        AssignmentInstance instance = new AssignmentInstance(market, Map.of("a", Map.of("0-0", 10L, "1-1", 20L),
                "b", Map.of("2-2", 20L), "c", Map.of("1-2", 30L)), SEED, CONTEXT);
        assertThat(price(PaymentRule.VCG, instance).payments()).extracting(Payment::amount)
                .containsExactly(0L, 0L, 10L);
        assertThat(price(PaymentRule.CORE_NEAREST_VCG, instance).payments()).containsExactly(
                new Payment("a", "0-0", 5), new Payment("b", "3-3", 0), new Payment("c", "1-2", 15));
    }

    @Test
    void payAsBidChargesTheWinningAssignmentBidsAndAtReserveNothing() {
        assertThat(price(PaymentRule.PAY_AS_BID, middleOfTheBand(1)).payments()).extracting(Payment::amount)
                .containsExactly(4L, 2L, 0L);
        assertThat(price(PaymentRule.AT_RESERVE, middleOfTheBand(1)).revenue()).isZero();
    }

    @Test
    void anAssignmentNotProvenOptimalIsNotPriced() {
        AssignmentResult unproven = new ExhaustiveAssignment(3).solve(middleOfTheBand(1));
        assertThat(unproven.provenOptimal()).isFalse();
        PricingOutcome outcome = prices.price(PaymentRule.CORE_NEAREST_VCG, middleOfTheBand(1), unproven);
        assertThat(outcome).isInstanceOf(NotPriced.class);
        assertThat(((NotPriced) outcome).status()).isEqualTo(Status.ALLOCATION_NOT_PROVEN_OPTIMAL);
    }

    @Test
    void aSubproblemNotProvenOptimalStopsPricingWithAStatus() {
        AssignmentResult proven = exact.solve(middleOfTheBand(1));
        PricingOutcome outcome = new AssignmentPrices(new ExhaustiveAssignment(1))
                .price(PaymentRule.VCG, middleOfTheBand(1), proven);
        assertThat(((NotPriced) outcome).status()).isEqualTo(Status.SUBPROBLEM_NOT_PROVEN_OPTIMAL);
    }

    @Test
    void theCoreOfAMarketWithMoreWinnersThanCanBeEnumeratedIsRefusedWithAStatus() {
        int n = AssignmentPrices.MAX_WINNERS + 1;
        List<MarketWinner> winners = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            winners.add(winner("w" + w, 1, n));
        }
        AssignmentInstance instance = new AssignmentInstance(new AssignmentMarket("big", n, winners), Map.of(),
                SEED, CONTEXT);
        PricingOutcome outcome = prices.price(PaymentRule.CORE_NEAREST_VCG, instance, exact.solve(instance));
        assertThat(((NotPriced) outcome).status()).isEqualTo(Status.TOO_MANY_WINNERS);
        assertThat(prices.price(PaymentRule.VCG, instance, exact.solve(instance))).isInstanceOf(Priced.class);
    }
}
