package org.ngms.auction.smra;

import java.util.List;
import java.util.Objects;

/**
 * What one bidder submits in one round: bids on licences, withdrawals of standing high bids it holds, a proactive
 * waiver, and a voluntary reduction of its eligibility (declining a waiver when short of activity). Any of them may be
 * empty; the empty action set is a bidder that does nothing (an automatic waiver may then apply).
 */
public record SmraActions(String bidder, List<SmraBid> bids, List<String> withdrawals, boolean waiver,
                          boolean reduceEligibility) {

    public SmraActions {
        Objects.requireNonNull(bidder, "bidder");
        bids = List.copyOf(bids);
        withdrawals = List.copyOf(withdrawals);
    }

    public static SmraActions bids(String bidder, SmraBid... bids) {
        return new SmraActions(bidder, List.of(bids), List.of(), false, false);
    }

    public static SmraActions bid(String bidder, String licence, long amount) {
        return bids(bidder, new SmraBid(licence, amount));
    }

    public static SmraActions waiver(String bidder) {
        return new SmraActions(bidder, List.of(), List.of(), true, false);
    }

    public static SmraActions withdraw(String bidder, String... licences) {
        return new SmraActions(bidder, List.of(), List.of(licences), false, false);
    }

    public static SmraActions reduceEligibility(String bidder) {
        return new SmraActions(bidder, List.of(), List.of(), false, true);
    }
}
