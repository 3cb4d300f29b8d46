package org.ngms.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.optimiser.Instances.bid;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.CertifiedSolver;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.Instances;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.Winner;
import org.ngms.optimiser.WinnerDetermination;
import org.ngms.pricing.PricingOutcome.NotPriced;
import org.ngms.pricing.PricingOutcome.Priced;

class PricingTest {

    private final WinnerDetermination solver = CertifiedSolver.exactOnly();
    private final Pricing pricing = new Pricing(solver, Duration.ofSeconds(20));

    private Priced price(PaymentRule rule, Instance instance) {
        Allocation allocation = solver.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(20));
        PricingOutcome outcome = pricing.price(rule, instance, allocation);
        assertThat(outcome).isInstanceOf(Priced.class);
        return (Priced) outcome;
    }

    /** The standard example: 1 bids 2 on {A}, 2 bids 2 on {B}, 3 bids 3 on {A,B}; amounts scaled by one million. */
    private static Instance threeBidders(long unit, long reserve) {
        return Instances.of().category("A", 1, reserve).category("B", 1, reserve)
                .bidder("1", bid("1-A", 2 * unit, "A", 1))
                .bidder("2", bid("2-B", 2 * unit, "B", 1))
                .bidder("3", bid("3-AB", 3 * unit, "A", 1, "B", 1))
                .build();
    }

    @Test
    void payAsBidChargesEachWinnerItsWinningAmount() {
        Priced priced = price(PaymentRule.PAY_AS_BID, threeBidders(1_000_000, 0));
        assertThat(priced.payments()).containsExactly(new Payment("1", "1-A", 2_000_000),
                new Payment("2", "2-B", 2_000_000));
        assertThat(priced.revenue()).isEqualTo(4_000_000);
    }

    @Test
    void awardAtReserveChargesThePackagesReserveValue() {
        Priced priced = price(PaymentRule.AT_RESERVE, threeBidders(1_000_000, 300_000));
        assertThat(priced.payments()).extracting(Payment::amount).containsExactly(300_000L, 300_000L);
    }

    @Test
    void vcgChargesEachWinnerItsExternalityInTheThreeBidderExample() {
        Priced priced = price(PaymentRule.VCG, threeBidders(1_000_000, 0));
        assertThat(priced.payments()).extracting(Payment::amount).containsExactly(1_000_000L, 1_000_000L);
        assertThat(priced.solves()).isEqualTo(3);
    }

    @Test
    void coreNearestVcgSplitsTheMissingRevenueEquallyInTheThreeBidderExample() {
        Priced priced = price(PaymentRule.CORE_NEAREST_VCG, threeBidders(1_000_000, 0));
        assertThat(priced.payments()).extracting(Payment::amount).containsExactly(1_500_000L, 1_500_000L);
        assertThat(priced.revenue()).isEqualTo(3_000_000);
    }

    @Test
    void fractionalCorePaymentsAreRoundedUpToTheWholeUnitAndStayInTheCore() {
        Priced priced = price(PaymentRule.CORE_NEAREST_VCG, threeBidders(1, 0));
        // 1.5 and 1.5 round up to 2 and 2: revenue 4 ≥ 3, what bidder 3 offered, and no more than the bids
        assertThat(priced.payments()).extracting(Payment::amount).containsExactly(2L, 2L);
    }

    @Test
    void reservePricesAreTreatedAsBidsInVcgAndCore() {
        // reserve 600,000 per block: bidder 3's offer over reserve is 1.8 m; with reserve bidders each winner's VCG
        // payment is its reserve 0.6 m plus its externality over reserve (1.8 m - 1.4 m = 0.4 m) = 1.0 m, and the
        // core still needs 3.0 m together: 1.5 m each
        Instance instance = threeBidders(1_000_000, 600_000);
        assertThat(price(PaymentRule.VCG, instance).payments()).extracting(Payment::amount)
                .containsExactly(1_000_000L, 1_000_000L);
        assertThat(price(PaymentRule.CORE_NEAREST_VCG, instance).payments()).extracting(Payment::amount)
                .containsExactly(1_500_000L, 1_500_000L);
    }

    @Test
    void aReserveBidderSetsTheVcgPriceWhenNoRivalBids() {
        // a lone bidder wins at its package's reserve value under VCG and core: reserve bids are its only rivals
        Instance instance = Instances.of().category("A", 2, 100).bidder("x", bid("x1", 500, "A", 2)).build();
        assertThat(price(PaymentRule.VCG, instance).revenue()).isEqualTo(200);
        assertThat(price(PaymentRule.CORE_NEAREST_VCG, instance).revenue()).isEqualTo(200);
    }

    @Test
    void coreRaisesVcgRevenueWhenLosersOfferMoreThanVcgCollects() {
        // Day & Cramton style: winners 1 {A} 20, 2 {B} 20; losers 3 {A,B} 28 and 4 {A,B} 26; VCG 8 and 8 (revenue
        // 16 < 28); the nearest-VCG minimum-revenue core point is 14 and 14
        Instance instance = Instances.of().category("A", 1, 0).category("B", 1, 0)
                .bidder("1", bid("1-A", 20, "A", 1))
                .bidder("2", bid("2-B", 20, "B", 1))
                .bidder("3", bid("3-AB", 28, "A", 1, "B", 1))
                .bidder("4", bid("4-AB", 26, "A", 1, "B", 1))
                .build();
        assertThat(price(PaymentRule.VCG, instance).payments()).extracting(Payment::amount).containsExactly(8L, 8L);
        assertThat(price(PaymentRule.CORE_NEAREST_VCG, instance).payments()).extracting(Payment::amount)
                .containsExactly(14L, 14L);
    }

    @Test
    void theQuadraticStepKeepsAsCloseToVcgAsTheCoreAllows() {
        // winners 1 {A} 10 (VCG 0: nobody else wants A alone), 2 {B} 10 and 3 {C} 10; loser 4 bids 12 on {B,C}
        // and loser 5 bids 16 on {A,B,C}. VCG: 1 pays 0... then the core needs p2+p3 ≥ 12 and p1+p2+p3 ≥ 16.
        Instance instance = Instances.of().category("A", 1, 0).category("B", 1, 0).category("C", 1, 0)
                .bidder("1", bid("1-A", 10, "A", 1))
                .bidder("2", bid("2-B", 10, "B", 1))
                .bidder("3", bid("3-C", 10, "C", 1))
                .bidder("4", bid("4-BC", 12, "B", 1, "C", 1))
                .bidder("5", bid("5-ABC", 16, "A", 1, "B", 1, "C", 1))
                .build();
        Priced vcg = price(PaymentRule.VCG, instance);
        // wd(N\1) = 20 + ... = max(20, 16) = 20 → p1 = 20 − 20 = 0; wd(N\2) = max(10+10, 16, 10+12) = 22 → p2 = 2; p3 = 2
        assertThat(vcg.payments()).extracting(Payment::amount).containsExactly(0L, 2L, 2L);
        Priced core = price(PaymentRule.CORE_NEAREST_VCG, instance);
        // minimum revenue 16 (p2+p3 ≥ 12, p1+p2+p3 ≥ 16); nearest to (0, 2, 2): (4, 6, 6)
        assertThat(core.payments()).extracting(Payment::amount).containsExactly(4L, 6L, 6L);
        assertThat(core.revenue()).isEqualTo(16);
    }

    @Test
    void refusesToPriceAnAllocationThatIsNotProvenOptimal() {
        Instance instance = threeBidders(1_000_000, 0);
        Allocation unproven = new Allocation("test", 3_000_000, List.of(new Winner("3", "3-AB")), false, 4_000_000,
                false, 0.1);
        for (PaymentRule rule : PaymentRule.values()) {
            PricingOutcome outcome = pricing.price(rule, instance, unproven);
            assertThat(outcome).isEqualTo(new NotPriced(PricingOutcome.Status.ALLOCATION_NOT_PROVEN_OPTIMAL,
                    "value 3000000 is below the proven bound 4000000"));
        }
    }

    @Test
    void refusesVcgOnAnAllocationThatIsNotOptimalWithReserveBids() {
        // x's 2 blocks for 250 beat y's 1 block for 240 on amounts, but over reserve (100 a block) y is worth more
        Instance instance = Instances.of().category("A", 2, 100)
                .bidder("x", bid("x1", 250, "A", 2))
                .bidder("y", bid("y1", 240, "A", 1))
                .build();
        Allocation plain = solver.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(20));
        assertThat(plain.winners()).containsExactly(new Winner("x", "x1"));
        PricingOutcome outcome = pricing.price(PaymentRule.VCG, instance, plain);
        assertThat(outcome).isInstanceOf(NotPriced.class);
        assertThat(((NotPriced) outcome).status())
                .isEqualTo(PricingOutcome.Status.ALLOCATION_NOT_OPTIMAL_WITH_RESERVE_BIDS);
        Allocation withReserveBids = solver.solve(ReserveBids.surplus(instance), TieBreak.DEFAULT,
                Duration.ofSeconds(20));
        Priced priced = (Priced) pricing.price(PaymentRule.VCG, instance, withReserveBids);
        assertThat(priced.payments()).containsExactly(new Payment("y", "y1", 150));
    }
}
