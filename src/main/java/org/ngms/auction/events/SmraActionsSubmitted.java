package org.ngms.auction.events;

import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.smra.SmraActionsJson;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SMRA_ACTIONS_SUBMITTED}: an operator's action set for an open SMRA round (bids, withdrawals, a proactive
 * waiver, a reduction of eligibility), as accepted, the bidder's next version in the round. The request carries the
 * actions; the facts name bidder, round and version.
 */
public record SmraActionsSubmitted(UUID auction, String stage, int round, SmraActionSet set)
        implements AuditEvent.Requested {

    public static final String TYPE = "SMRA_ACTIONS_SUBMITTED";

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
        ObjectNode request = JsonFields.object().put("action", "SUBMIT_SMRA_ACTIONS")
                .put("auction", auction.toString()).put("stage", stage).put("round", round)
                .put("bidder", set.bidder()).put("version", set.version());
        request.set("actions", SmraActionsJson.json(set.actions()));
        return request;
    }

    /** From a recorded payload: the request as recorded under {@code request}. */
    public static SmraActionsSubmitted read(JsonNode payload) {
        JsonNode request = JsonFields.object(payload, "request");
        String bidder = JsonFields.text(request, "bidder");
        return new SmraActionsSubmitted(JsonFields.uuid(request, "auction"), JsonFields.text(request, "stage"),
                JsonFields.integer(request, "round"), new SmraActionSet(JsonFields.integer(request, "version"),
                SmraActionsJson.read(bidder, JsonFields.object(request, "actions"))));
    }
}
