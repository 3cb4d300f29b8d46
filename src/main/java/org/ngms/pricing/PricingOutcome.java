package org.ngms.pricing;

import java.util.List;
import java.util.Objects;

/** Prices for a proven-optimal allocation, or the status that explains why there are none. */
public sealed interface PricingOutcome {

    /** Payments in the allocation's winner order; {@code solves} counts the winner-determination solves used. */
    record Priced(PaymentRule rule, List<Payment> payments, long revenue, int solves) implements PricingOutcome {
        public Priced {
            Objects.requireNonNull(rule, "rule");
            payments = List.copyOf(payments);
            long sum = payments.stream().mapToLong(Payment::amount).sum();
            if (sum != revenue) {
                throw new IllegalArgumentException("revenue " + revenue + " is not the sum of payments " + sum);
            }
        }

        public long paymentOf(String bidder) {
            return payments.stream().filter(p -> p.bidder().equals(bidder)).mapToLong(Payment::amount).sum();
        }
    }

    /** No prices: the stage stops with this status for the regulator. */
    record NotPriced(Status status, String detail) implements PricingOutcome {
        public NotPriced {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Status {
        /** The allocation is not proven optimal (its value is below the solver's bound). */
        ALLOCATION_NOT_PROVEN_OPTIMAL,
        /** The allocation breaks a rule of the instance (XOR, supply or a cap) or names unknown bids. */
        ALLOCATION_INFEASIBLE,
        /** With reserve prices treated as bids, another allocation is worth more: VCG and core need the optimum. */
        ALLOCATION_NOT_OPTIMAL_WITH_RESERVE_BIDS,
        /** A winner-determination solve that a price depends on was not proven optimal within the time limit. */
        SUBPROBLEM_NOT_PROVEN_OPTIMAL,
        /** Core constraint generation did not reach a core point within its iteration limit. */
        CORE_NOT_REACHED,
        /** An assignment round's core enumerates every coalition, which is done for a few winners per market only. */
        TOO_MANY_WINNERS
    }
}
