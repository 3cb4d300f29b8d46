package org.ngms.auction.smra;

import java.util.List;
import java.util.SortedMap;

/**
 * The round processing of an SMRA stage: the state the closed rounds leave, and the next round closed with its valid
 * actions. Per licence the highest bid becomes the standing high bid, equal highest bids ordered by tie number; a
 * withdrawn standing high bid leaves the licence to the regulator; per bidder activity, waivers and eligibility. Two
 * implementations, a naive {@link ReferenceSmraProcessor} that replays every round from the start and an
 * {@link IncrementalSmraProcessor} that carries the state of the last round, run the same contract test and give the
 * same bytes.
 */
public interface SmraProcessor {

    /** The state after {@code rounds} (the initial state when there are none). */
    SmraState state(SmraSetup setup, List<SmraRound> rounds);

    /**
     * Closes round {@code prices.round()} with {@code valid} actions (at most one set per bidder, every action in it
     * valid; bidders without actions absent) and the {@code rejections} screening found.
     */
    SmraRound process(SmraSetup setup, List<SmraRound> rounds, SmraPrices prices,
                      SortedMap<String, SmraActions> valid, List<SmraRejection> rejections);
}
