package org.ngms.auction.outcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.directive.PaymentTerms.DueAfter;
import org.ngms.directive.PaymentTerms.ReferenceRate;
import org.ngms.shared.Money;
import org.ngms.shared.Percent;

/**
 * One payment option of the directive applied to one price: the upfront amount and when it is due, then the
 * instalments of the balance with their due offsets, and the interest rule. Built by {@link PaymentSchedules}; the
 * upfront amount and the instalments always add up to the price exactly.
 */
public record PaymentPlan(String option, Money price, int moratoriumMonths, Upfront upfront,
                          List<Instalment> instalments, Optional<InterestRule> interest, String remainderRule) {

    public PaymentPlan {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(price, "price");
        if (moratoriumMonths < 0) {
            throw new IllegalArgumentException("moratoriumMonths must not be negative: " + moratoriumMonths);
        }
        Objects.requireNonNull(upfront, "upfront");
        instalments = List.copyOf(instalments);
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(remainderRule, "remainderRule");
        Money sum = instalments.stream().map(Instalment::principal).reduce(upfront.amount(), Money::plus);
        if (!sum.equals(price)) {
            throw new IllegalArgumentException("option " + option + ": upfront and instalments add up to " + sum
                    + ", not the price " + price);
        }
    }

    /** Sum of the computed interest, when every instalment's interest is known. */
    public Optional<Money> totalInterest() {
        if (instalments.isEmpty() || instalments.stream().anyMatch(i -> i.interest().isEmpty())) {
            return instalments.isEmpty() ? Optional.of(Money.ZERO) : Optional.empty();
        }
        return Optional.of(instalments.stream().map(i -> i.interest().orElseThrow()).reduce(Money.ZERO, Money::plus));
    }

    /** When a payment falls due: {@code amount} days or months after the award or the licence issue. */
    public record Due(int amount, Unit unit, DueAfter after) {
        public Due {
            if (amount < 0) {
                throw new IllegalArgumentException("a due offset must not be negative: " + amount);
            }
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public String toString() {
            return amount + " " + unit.name().toLowerCase() + " after " + after;
        }
    }

    public enum Unit { DAYS, MONTHS }

    /** The upfront share: {@code percent} of the price (rounded up to a whole unit), due at {@code due}. */
    public record Upfront(Percent percent, Money amount, Due due) {
        public Upfront {
            Objects.requireNonNull(percent, "percent");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(due, "due");
        }
    }

    /**
     * Instalment {@code number} (from 1): its share of the balance, when it is due, the balance outstanding before
     * it, the months of interest it carries and, when a reference rate was given, the interest in whole units.
     */
    public record Instalment(int number, Money principal, Due due, Money outstandingBefore, int interestMonths,
                             Optional<Money> interest) {
        public Instalment {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(outstandingBefore, "outstandingBefore");
            Objects.requireNonNull(interest, "interest");
        }

        /** Principal plus interest, when the interest is known. */
        public Optional<Money> total() {
            return interest.map(principal::plus);
        }
    }

    /**
     * Interest on the unpaid balance as a rule: the reference rate (published later, e.g. KIBOR offer) plus
     * {@code margin}, per year, accruing from {@code accruesFromMonths} after {@code after} (the end of the moratorium,
     * or the event itself), charged with each instalment on the balance outstanding before it, pro rata by months,
     * rounded to whole units half up.
     */
    public record InterestRule(ReferenceRate reference, Percent margin, int accruesFromMonths, DueAfter after,
                               Optional<Percent> referenceRate) {
        public InterestRule {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(margin, "margin");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(referenceRate, "referenceRate");
        }

        @Override
        public String toString() {
            return (reference == ReferenceRate.FIXED ? "" : reference + " + ") + margin + "% a year on the outstanding "
                    + "balance from month " + accruesFromMonths + " after " + after;
        }
    }
}
