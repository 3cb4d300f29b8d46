package org.ngms.auction.events;

import java.util.List;

import org.ngms.auction.sealed.SealedBidContent;
import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SEALED_BIDS_OPENED}: after the deadline, every live sealed bid in full (bidder, version, salt, bid) with the
 * commitment it was submitted under, so anyone can check each against its commitment and recompute the stage.
 */
public record SealedBidsOpened(String stage, List<Opened> bids) implements AuditEvent {

    public static final String TYPE = "SEALED_BIDS_OPENED";

    /** An opened bid and the commitment recorded when it was submitted. */
    public record Opened(SealedBidContent content, String commitment) {
    }

    public SealedBidsOpened {
        bids = List.copyOf(bids);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode o = JsonFields.object().put("stage", stage);
        ArrayNode list = o.putArray("bids");
        bids.forEach(b -> list.add(b.content().toJson().put("commitment", b.commitment())));
        return o;
    }
}
