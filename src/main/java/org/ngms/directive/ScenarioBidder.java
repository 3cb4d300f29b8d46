package org.ngms.directive;

import java.util.Map;
import java.util.Objects;

import org.ngms.shared.Money;

/**
 * A bidder of a scenario (from {@code bidders.yaml}): who it is, whether it enters the market new, the deposit it
 * lodged, and the blocks per lot category it named in its application or pre-bid offer, if that was published.
 */
public record ScenarioBidder(String id, String organisation, boolean newEntrant, Money deposit,
                             Map<String, Integer> requestedDemand) {

    public ScenarioBidder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(deposit, "deposit");
        requestedDemand = ScenarioOutcome.blockCounts("requestedDemand of " + id, requestedDemand);
    }
}
