package org.ngms.auction.outcome;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ngms.auction.outcome.PaymentPlan.Due;
import org.ngms.auction.outcome.PaymentPlan.Instalment;
import org.ngms.auction.outcome.PaymentPlan.InterestRule;
import org.ngms.auction.outcome.PaymentPlan.Unit;
import org.ngms.auction.outcome.PaymentPlan.Upfront;
import org.ngms.directive.CurrencyTerms;
import org.ngms.directive.PaymentTerms;
import org.ngms.directive.PaymentTerms.PaymentOption;
import org.ngms.directive.PaymentTerms.ReferenceRate;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Money;
import org.ngms.shared.Percent;

/**
 * A winner's payment plans, one per payment option of the directive. The rules, stated once:
 * <ul>
 *   <li><b>Upfront</b>: percent × price rounded up to a whole unit (at least the share the directive names), due
 *       dueDays or dueMonths after AWARD or LICENCE_ISSUE.</li>
 *   <li><b>Moratorium</b>: nothing falls due, and no interest accrues, in the first {@code moratoriumMonths} after
 *       the event a payment is counted from; a due offset inside the moratorium moves to its end (2026: 12 months
 *       from licence issue; the upfront share is due at the first anniversary).</li>
 *   <li><b>Instalments</b>: the balance (price − upfront) in {@code count} equal whole-unit amounts of
 *       floor(balance / count); the last instalment takes the remainder, so the plan adds up to the price exactly.
 *       Instalment k is due firstDueMonths + (k − 1) × intervalMonths after its event.</li>
 *   <li><b>Interest</b>: a rule, reference rate + margin a year on the balance outstanding before each instalment,
 *       accruing from the end of the moratorium (or the event), charged with each instalment for the months since the
 *       previous instalment (the first: since accrual began). The reference rate is not known in advance; when one is
 *       given, each instalment's interest is outstanding × (reference + margin) × months / 12, rounded to a whole unit
 *       half up. A FIXED reference means the margin alone.</li>
 * </ul>
 */
public final class PaymentSchedules {

    public static final String REMAINDER_RULE = "equal instalments of floor(balance / count) whole units; the last "
            + "instalment takes the remainder, so upfront + instalments = price exactly";

    private PaymentSchedules() {
    }

    /** Every option's plan, without a reference rate: interest stays a rule. */
    public static List<PaymentPlan> plans(PaymentTerms terms, Money price) {
        return plans(terms, price, Optional.empty());
    }

    /** Every option's plan; with a reference rate, each instalment's interest is computed too. */
    public static List<PaymentPlan> plans(PaymentTerms terms, Money price, Optional<Percent> referenceRate) {
        List<PaymentPlan> plans = new ArrayList<>();
        for (PaymentOption option : terms.options()) {
            plans.add(plan(terms.moratoriumMonths(), option, price, referenceRate));
        }
        return plans;
    }

    /** A winner's schedule: the plans of every option and the directive's currency rule. */
    public static PaymentSchedule schedule(PolicyDirective d, Money price, Optional<Percent> referenceRate) {
        return new PaymentSchedule(price, plans(d.payment(), price, referenceRate), currencyRule(d.currency()));
    }

    /** The currency rule as data, with a sentence for the regulator's notice. */
    public static CurrencyRule currencyRule(CurrencyTerms c) {
        String text;
        if (c.auction().equals(c.payment())) {
            text = "prices are stated and paid in " + c.auction();
        } else {
            text = "prices are stated in " + c.auction() + " and paid in " + c.payment()
                    + c.exchangeRate().map(r -> " converted at the " + r.rule() + " rate of " + r.fixing())
                    .orElse(" (no conversion rule stated)");
        }
        return new CurrencyRule(c.auction(), c.payment(), c.exchangeRate().map(CurrencyTerms.ExchangeRateRule::rule),
                c.exchangeRate().map(CurrencyTerms.ExchangeRateRule::fixing), text);
    }

    static PaymentPlan plan(int moratorium, PaymentOption option, Money price, Optional<Percent> referenceRate) {
        PaymentTerms.Upfront up = option.upfront();
        Money upfrontAmount = price.percentCeiling(up.percent());
        if (upfrontAmount.compareTo(price) > 0) {
            upfrontAmount = price;
        }
        Due upfrontDue = afterMoratorium(moratorium, up.dueDays().map(days -> new Due(days, Unit.DAYS, up.after()))
                .orElseGet(() -> new Due(up.dueMonths().orElse(0), Unit.MONTHS, up.after())));
        Upfront upfront = new Upfront(up.percent(), upfrontAmount, upfrontDue);
        long balance = price.amount() - upfrontAmount.amount();
        List<Instalment> instalments = new ArrayList<>();
        Optional<InterestRule> interest = Optional.empty();
        if (option.instalments().isPresent() && balance > 0) {
            PaymentTerms.Instalments terms = option.instalments().get();
            interest = option.interest().map(i -> new InterestRule(i.reference(), i.marginPercent(), moratorium,
                    terms.after(), referenceRate));
            Optional<Long> rateBp = interest.flatMap(PaymentSchedules::annualRate);
            long each = balance / terms.count();
            long outstanding = balance;
            int accruedTo = moratorium;
            for (int k = 1; k <= terms.count(); k++) {
                long principal = k == terms.count() ? outstanding : each;
                Due due = afterMoratorium(moratorium, new Due(terms.firstDueMonths() + (k - 1) * terms.intervalMonths(),
                        Unit.MONTHS, terms.after()));
                int months = Math.max(0, due.amount() - accruedTo);
                long before = outstanding;
                Optional<Money> charged = rateBp.map(bp -> interest(before, bp, months));
                instalments.add(new Instalment(k, Money.of(principal), due, Money.of(before), months, charged));
                outstanding -= principal;
                accruedTo = Math.max(accruedTo, due.amount());
            }
        } else if (balance > 0) {
            throw new IllegalArgumentException("option " + option.id() + " leaves " + balance
                    + " unpaid and has no instalments");
        }
        return new PaymentPlan(option.id(), price, moratorium, upfront, instalments, interest, REMAINDER_RULE);
    }

    /** A due offset inside the moratorium moves to its end. */
    static Due afterMoratorium(int moratorium, Due due) {
        if (moratorium == 0 || (due.unit() == Unit.MONTHS && due.amount() >= moratorium)) {
            return due;
        }
        return new Due(moratorium, Unit.MONTHS, due.after());
    }

    /** Reference + margin in basis points, when the reference is known (FIXED needs none). */
    static Optional<Long> annualRate(InterestRule rule) {
        if (rule.reference() == ReferenceRate.FIXED) {
            return Optional.of(rule.margin().basisPoints());
        }
        return rule.referenceRate().map(r -> r.basisPoints() + rule.margin().basisPoints());
    }

    /** outstanding × bp / 10,000 × months / 12, rounded to a whole unit half up. */
    static Money interest(long outstanding, long basisPoints, int months) {
        BigInteger numerator = BigInteger.valueOf(outstanding).multiply(BigInteger.valueOf(basisPoints))
                .multiply(BigInteger.valueOf(months));
        BigDecimal exact = new BigDecimal(numerator).divide(BigDecimal.valueOf(120_000L), 0, RoundingMode.HALF_UP);
        return Money.of(exact.longValueExact());
    }

    /** A winner's price, its payment plans (one per option, the winner chooses) and the currency rule. */
    public record PaymentSchedule(Money price, List<PaymentPlan> options, CurrencyRule currency) {
        public PaymentSchedule {
            java.util.Objects.requireNonNull(price, "price");
            options = List.copyOf(options);
            java.util.Objects.requireNonNull(currency, "currency");
        }
    }

    /** Currency of prices and of payment, and the conversion rule when they differ (2026: PKR at NBP TT selling). */
    public record CurrencyRule(String auctionCurrency, String paymentCurrency,
                               Optional<CurrencyTerms.RateSource> rateSource, Optional<CurrencyTerms.Fixing> fixing,
                               String text) {
        public CurrencyRule {
            java.util.Objects.requireNonNull(auctionCurrency, "auctionCurrency");
            java.util.Objects.requireNonNull(paymentCurrency, "paymentCurrency");
            java.util.Objects.requireNonNull(rateSource, "rateSource");
            java.util.Objects.requireNonNull(fixing, "fixing");
            java.util.Objects.requireNonNull(text, "text");
        }
    }
}
