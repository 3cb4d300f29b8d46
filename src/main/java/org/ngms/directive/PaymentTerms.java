package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.Percent;

/**
 * How winners pay: an optional moratorium, then one of the options the winner chooses (2026: 100% by the first
 * anniversary, or 50% then five annual instalments at KIBOR + 3).
 */
public record PaymentTerms(int moratoriumMonths, List<PaymentOption> options) {

    public PaymentTerms {
        options = List.copyOf(options);
    }

    /** One way to pay: an upfront share, and for less than 100% the instalments of the rest with interest. */
    public record PaymentOption(String id, Upfront upfront, Optional<Instalments> instalments,
                                Optional<Interest> interest) {
        public PaymentOption {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(upfront, "upfront");
            Objects.requireNonNull(instalments, "instalments");
            Objects.requireNonNull(interest, "interest");
        }
    }

    /** {@code percent} of the price is due {@code dueDays} or {@code dueMonths} after {@code after}. */
    public record Upfront(Percent percent, Optional<Integer> dueDays, Optional<Integer> dueMonths, DueAfter after) {
        public Upfront {
            Objects.requireNonNull(percent, "percent");
            Objects.requireNonNull(dueDays, "dueDays");
            Objects.requireNonNull(dueMonths, "dueMonths");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The balance in {@code count} equal instalments, the first {@code firstDueMonths} after {@code after}. */
    public record Instalments(int count, int intervalMonths, int firstDueMonths, DueAfter after) {
        public Instalments {
            Objects.requireNonNull(after, "after");
        }
    }

    /** Interest on the unpaid balance: a reference rate plus a margin (LIBOR + 3, KIBOR + 3), or a fixed rate. */
    public record Interest(ReferenceRate reference, Percent marginPercent) {
        public Interest {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(marginPercent, "marginPercent");
        }
    }

    public enum DueAfter { AWARD, LICENCE_ISSUE }

    public enum ReferenceRate { KIBOR, LIBOR, SOFR, FIXED }
}
