package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.Money;
import org.ngms.shared.Percent;

/**
 * The pre-bid deposit: a fixed amount per applicant (2026: USD 15 m), a percentage of the reserve of the spectrum
 * applied for (2014: 15%), or a percentage of the bid value (2021: 20%). {@code eligibility} says what the deposit
 * buys: every lot ({@code ALL_LOTS}) or the eligibility points of the demand it covers ({@code DEMAND_COVERED}).
 */
public record DepositRule(Basis basis, Optional<Money> amount, Optional<Percent> percent, Instrument instrument,
                          Eligibility eligibility, List<Forfeiture> forfeitureOn) {

    public DepositRule {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(eligibility, "eligibility");
        forfeitureOn = List.copyOf(forfeitureOn);
    }

    /** The deposit required of an applicant whose application names demand of {@code reserveValue} at reserve. */
    public Money requiredFor(Money reserveValue) {
        return switch (basis) {
            case FIXED -> amount.orElseThrow();
            case PERCENT_OF_RESERVE, PERCENT_OF_BID_VALUE -> reserveValue.percentCeiling(percent.orElseThrow());
        };
    }

    public enum Basis { FIXED, PERCENT_OF_RESERVE, PERCENT_OF_BID_VALUE }

    public enum Instrument { BANK_GUARANTEE, CASH, BANK_GUARANTEE_OR_CASH }

    public enum Eligibility { ALL_LOTS, DEMAND_COVERED }

    public enum Forfeiture {
        INVALID_FIRST_ROUND_BID, WITHDRAWAL_AFTER_QUALIFICATION, FAILURE_TO_PAY, DEFAULT_ON_WINNING_BID, COLLUSION
    }
}
