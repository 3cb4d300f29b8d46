package org.ngms.optimiser.planning;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * Planning entity: a bidder's choice of one of its own bids, or none (null). XOR is structural: one choice per
 * bidder, drawn only from that bidder's bids.
 */
@PlanningEntity
public class BidderChoice {

    @PlanningId
    private String bidder;

    private List<PlanningBid> options;

    @PlanningVariable(valueRangeProviderRefs = "ownBids", nullable = true)
    private PlanningBid bid;

    public BidderChoice() {
    }

    public BidderChoice(String bidder, List<PlanningBid> options, PlanningBid bid) {
        this.bidder = bidder;
        this.options = List.copyOf(options);
        this.bid = bid;
    }

    public String getBidder() {
        return bidder;
    }

    @ValueRangeProvider(id = "ownBids")
    public List<PlanningBid> getOptions() {
        return options;
    }

    public PlanningBid getBid() {
        return bid;
    }

    public void setBid(PlanningBid bid) {
        this.bid = bid;
    }
}
