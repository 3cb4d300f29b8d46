package org.ngms.auction.events;

import java.util.List;
import java.util.UUID;

import org.ngms.auction.clock.Bid;
import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code CLOCK_BIDS_SUBMITTED}: an operator's bid set for an open clock round, as accepted (every bid with its price),
 * the bidder's next version in the round. The request carries the bids; the facts name bidder, round and version.
 */
public record ClockBidsSubmitted(UUID auction, String stage, int round, BidSet set) implements AuditEvent.Requested {

    public static final String TYPE = "CLOCK_BIDS_SUBMITTED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("bidder", set.bidder()).put("round", round).put("version", set.version());
    }

    @Override
    public ObjectNode request() {
        ObjectNode request = JsonFields.object().put("action", "SUBMIT_CLOCK_BIDS").put("auction", auction.toString())
                .put("stage", stage).put("round", round).put("bidder", set.bidder()).put("version", set.version());
        request.set("bids", BidSet.json(set.bids()));
        return request;
    }

    public List<Bid> bids() {
        return set.bids();
    }

    /** From a recorded payload: the request as recorded under {@code request}. */
    public static ClockBidsSubmitted read(JsonNode payload) {
        JsonNode request = JsonFields.object(payload, "request");
        String bidder = JsonFields.text(request, "bidder");
        return new ClockBidsSubmitted(JsonFields.uuid(request, "auction"), JsonFields.text(request, "stage"), JsonFields.integer(request, "round"),
                new BidSet(bidder, JsonFields.integer(request, "version"), BidSet.read(bidder, request.get("bids"))));
    }
}
