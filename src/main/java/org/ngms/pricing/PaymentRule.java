package org.ngms.pricing;

/** The pricing rules a directive can choose for a sealed round. */
public enum PaymentRule {
    /** Each winner pays its winning amount. */
    PAY_AS_BID,
    /** Each winner pays the reserve value of its package (sum of quantity x reserve price). */
    AT_RESERVE,
    /** Each winner pays its opportunity cost to the others (second price), with reserve prices treated as bids. */
    VCG,
    /** Minimum-revenue core, then the core point nearest to VCG (quadratic step), reserve prices treated as bids. */
    CORE_NEAREST_VCG
}
