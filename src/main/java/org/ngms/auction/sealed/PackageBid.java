package org.ngms.auction.sealed;

import java.util.Map;
import java.util.Objects;

import org.ngms.shared.Money;

/**
 * One package of a sealed XOR bid: blocks per lot (a generic lot category's id, or a specific block's lot id such as
 * {@code P3-B2}, see {@link org.ngms.auction.Lots}) for {@code amount} in whole units of the auction currency, all or
 * nothing. Quantities are checked against the directive by {@link SealedRules#checkPackages}.
 */
public record PackageBid(String id, Map<String, Integer> lots, Money amount) {

    public PackageBid {
        Objects.requireNonNull(id, "id");
        lots = Offers.counts("lots of package " + id, lots);
        Objects.requireNonNull(amount, "amount");
    }

    /** The positive quantities only. */
    public Map<String, Integer> positive() {
        return Offers.positive(lots);
    }
}
