package org.ngms.auction.smra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finished SMRA stage awards: each licence with a standing high bid to its bidder at that bid, the licences
 * left unsold (never bid, or held by the regulator after a withdrawal), the revenue (the sum of winning bids), and the
 * withdrawal payments owed.
 */
public record SmraOutcome(String stage, int rounds, List<Award> awards, List<String> unsold, long revenue,
                          List<WithdrawalPayment> withdrawalPayments) {

    public SmraOutcome {
        Objects.requireNonNull(stage, "stage");
        awards = List.copyOf(awards);
        unsold = List.copyOf(unsold);
        withdrawalPayments = List.copyOf(withdrawalPayments);
    }

    public Optional<Award> award(String licence) {
        return awards.stream().filter(a -> a.licence().equals(licence)).findFirst();
    }

    /** A licence won: its winner and the winning bid, the price it pays. */
    public record Award(String licence, String bidder, long price) {
    }

    /**
     * The payment owed for one withdrawn bid (47 CFR 1.2104(g)(1)): the withdrawn bid minus the winning bid when the
     * licence sold, never below 0, and nothing if a later withdrawn bid on the licence equalled or exceeded it; while
     * the licence stays unsold, the interim payment, a share of the withdrawn bid ({@code interim} true).
     */
    public record WithdrawalPayment(String bidder, String licence, int round, long withdrawnBid, long payment,
                                    boolean interim) {
    }
}
