package org.ngms.directive;

import java.util.Objects;
import java.util.Optional;

/**
 * Prices are stated and bid in {@code auction} currency; payment is made in {@code payment} currency, converted by
 * the exchange-rate rule when the two differ (2026: USD prices paid in PKR at the NBP TT selling rate of the day
 * before the auction).
 */
public record CurrencyTerms(String auction, String payment, Optional<ExchangeRateRule> exchangeRate) {

    public CurrencyTerms {
        Objects.requireNonNull(auction, "auction");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(exchangeRate, "exchangeRate");
    }

    public record ExchangeRateRule(RateSource rule, Fixing fixing) {
        public ExchangeRateRule {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(fixing, "fixing");
        }
    }

    /** Where the conversion rate comes from. */
    public enum RateSource { NBP_TT_SELLING, SBP_INTERBANK, MARKET_RATE_ON_PAYMENT_DAY }

    /** Which day's rate applies. */
    public enum Fixing { BUSINESS_DAY_BEFORE_AUCTION, AUCTION_DAY, PAYMENT_DAY }
}
