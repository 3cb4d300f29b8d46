package org.ngms.auction.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.outcome.PaymentPlan.Due;
import org.ngms.auction.outcome.PaymentPlan.Instalment;
import org.ngms.auction.outcome.PaymentPlan.Unit;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PaymentTerms.DueAfter;
import org.ngms.directive.PaymentTerms.ReferenceRate;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Money;
import org.ngms.shared.Percent;

class PaymentSchedulesTest {

    static final PolicyDirective PK2026 = SealedFixtures.directiveOf("pk-5g-2026");
    static final PolicyDirective PK2021 = SealedFixtures.directiveOf("pk-ngms-2021");
    static final PolicyDirective PK2014 = SealedFixtures.directiveOf("pk-3g4g-2014");

    private static PaymentPlan option(List<PaymentPlan> plans, String id) {
        return plans.stream().filter(p -> p.option().equals(id)).findFirst().orElseThrow();
    }

    private static void addsUpExactly(PaymentPlan plan) {
        Money sum = plan.instalments().stream().map(Instalment::principal).reduce(plan.upfront().amount(), Money::plus);
        assertThat(sum).isEqualTo(plan.price());
    }

    @Test
    void jazz2026PaysInFullAtTheFirstAnniversaryAfterTheMoratorium() {
        PaymentPlan full = option(PaymentSchedules.plans(PK2026.payment(), Money.of(239_375_000)), "full");
        assertThat(full.moratoriumMonths()).isEqualTo(12);
        assertThat(full.upfront().amount()).isEqualTo(Money.of(239_375_000));
        assertThat(full.upfront().due()).isEqualTo(new Due(12, Unit.MONTHS, DueAfter.LICENCE_ISSUE));
        assertThat(full.instalments()).isEmpty();
    }

    @Test
    void jazz2026OrPaysHalfAtTheFirstAnniversaryAndFiveEqualInstalmentsFromTheSecondAtKiborPlus3() {
        PaymentPlan plan = option(PaymentSchedules.plans(PK2026.payment(), Money.of(239_375_000)), "instalments");
        assertThat(plan.upfront().amount()).isEqualTo(Money.of(119_687_500));
        assertThat(plan.upfront().due()).isEqualTo(new Due(12, Unit.MONTHS, DueAfter.LICENCE_ISSUE));
        assertThat(plan.instalments()).extracting(Instalment::principal).containsOnly(Money.of(23_937_500));
        assertThat(plan.instalments()).extracting(i -> i.due().amount()).containsExactly(24, 36, 48, 60, 72);
        assertThat(plan.interest().orElseThrow().reference()).isEqualTo(ReferenceRate.KIBOR);
        assertThat(plan.interest().orElseThrow().margin()).isEqualTo(Percent.of(3));
        assertThat(plan.interest().orElseThrow().accruesFromMonths()).isEqualTo(12);
        assertThat(plan.instalments()).allMatch(i -> i.interest().isEmpty());
        addsUpExactly(plan);
    }

    @Test
    void withAKnownKiborEachInstalmentCarriesInterestOnTheOutstandingBalance() {
        // KIBOR 11% + 3 = 14% a year, 12 months per instalment, on 119,687,500 then 95,750,000 ...
        PaymentPlan plan = option(PaymentSchedules.plans(PK2026.payment(), Money.of(239_375_000),
                Optional.of(Percent.of(11))), "instalments");
        assertThat(plan.instalments()).extracting(i -> i.interest().orElseThrow()).containsExactly(
                Money.of(16_756_250), Money.of(13_405_000), Money.of(10_053_750), Money.of(6_702_500),
                Money.of(3_351_250));
        assertThat(plan.instalments()).extracting(Instalment::interestMonths).containsOnly(12);
        assertThat(plan.totalInterest()).contains(Money.of(50_268_750));
    }

    @Test
    void interestIsRoundedToWholeDollarsHalfUp() {
        assertThat(PaymentSchedules.interest(1, 5_000, 12)).isEqualTo(Money.of(1));
        assertThat(PaymentSchedules.interest(1, 4_999, 12)).isEqualTo(Money.of(0));
        assertThat(PaymentSchedules.interest(100, 1_000, 6)).isEqualTo(Money.of(5));
    }

    @Test
    void ufone2021PaysHalfWithin15DaysOfAwardAndFiveEqualAnnualInstalmentsOf27Point9Million() {
        PaymentPlan plan = option(PaymentSchedules.plans(PK2021.payment(), Money.of(279_000_000)), "instalments");
        assertThat(plan.upfront().amount()).isEqualTo(Money.of(139_500_000));
        assertThat(plan.upfront().due()).isEqualTo(new Due(15, Unit.DAYS, DueAfter.AWARD));
        assertThat(plan.instalments()).extracting(Instalment::principal).containsOnly(Money.of(27_900_000));
        assertThat(plan.instalments()).extracting(i -> i.due().amount()).containsExactly(12, 24, 36, 48, 60);
        assertThat(plan.interest().orElseThrow().reference()).isEqualTo(ReferenceRate.LIBOR);
        addsUpExactly(plan);
    }

    @Test
    void in2014HalfIsDueWithin30DaysAndFiveInstalmentsFollowAtLiborPlus3() {
        List<PaymentPlan> plans = PaymentSchedules.plans(PK2014.payment(), Money.of(306_920_000));
        PaymentPlan plan = option(plans, "instalments");
        assertThat(plan.upfront().due()).isEqualTo(new Due(30, Unit.DAYS, DueAfter.AWARD));
        assertThat(plan.upfront().amount()).isEqualTo(Money.of(153_460_000));
        assertThat(plan.instalments()).hasSize(5);
        assertThat(plan.interest().orElseThrow().toString()).isEqualTo(
                "LIBOR + 3% a year on the outstanding balance from month 0 after AWARD");
        addsUpExactly(plan);
        assertThat(option(plans, "full").upfront().amount()).isEqualTo(Money.of(306_920_000));
    }

    @Test
    void theLastInstalmentTakesTheRemainderSoTheSumIsExact() {
        PaymentPlan plan = option(PaymentSchedules.plans(PK2021.payment(), Money.of(1_000_003)), "instalments");
        // upfront 50% rounded up: 500,002; balance 500,001 = 4 x 100,000 + 100,001
        assertThat(plan.upfront().amount()).isEqualTo(Money.of(500_002));
        assertThat(plan.instalments()).extracting(Instalment::principal).containsExactly(Money.of(100_000),
                Money.of(100_000), Money.of(100_000), Money.of(100_000), Money.of(100_001));
        addsUpExactly(plan);
        for (long price = 1; price < 200; price += 7) {
            PaymentSchedules.plans(PK2026.payment(), Money.of(price), Optional.of(Percent.of(12)))
                    .forEach(PaymentSchedulesTest::addsUpExactly);
        }
    }

    @Test
    void the2026CurrencyRuleSaysUsdPricesArePaidInPkrAtTheNbpTtSellingRate() {
        PaymentSchedules.CurrencyRule rule = PaymentSchedules.currencyRule(PK2026.currency());
        assertThat(rule.auctionCurrency()).isEqualTo("USD");
        assertThat(rule.paymentCurrency()).isEqualTo("PKR");
        assertThat(rule.text()).isEqualTo("prices are stated in USD and paid in PKR converted at the NBP_TT_SELLING "
                + "rate of BUSINESS_DAY_BEFORE_AUCTION");
    }

    @Test
    void paymentPlansAreInTheAuctionsCurrencyAndSayWhatTheyArePaidInAndAtWhichRate() {
        PolicyDirective pk2026 = SealedFixtures.directiveOf("pk-5g-2026");

        var plans = OutcomeJson.paymentPlans(pk2026, Money.of(113_470_000));

        assertThat(plans.get(0).get("price").longValue()).isEqualTo(113_470_000L);
        assertThat(plans.get(0).get("currency").asString()).isEqualTo("USD");
        assertThat(plans.get(0).get("paidIn").get("currency").asString()).isEqualTo("PKR");
        assertThat(plans.get(0).get("paidIn").get("rate").asString()).isEqualTo("NBP_TT_SELLING");
        assertThat(plans.get(0).get("paidIn").get("fixing").asString()).isEqualTo("BUSINESS_DAY_BEFORE_AUCTION");
    }
}
