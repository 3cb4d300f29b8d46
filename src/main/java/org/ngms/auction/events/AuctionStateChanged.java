package org.ngms.auction.events;

import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.AuctionState;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code AUCTION_STATE_CHANGED}: the auction moves through its lifecycle (a cancellation with its reason). */
public record AuctionStateChanged(UUID auction, AuctionState from, AuctionState to, AuctionState requested,
                                  Optional<String> reason) implements AuditEvent.Requested {

    public static final String TYPE = "AUCTION_STATE_CHANGED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("from", from.name()).put("to", to.name());
    }

    @Override
    public ObjectNode request() {
        ObjectNode request = AuctionJson.action("TRANSITION", auction).put("to", String.valueOf(requested));
        reason.ifPresent(r -> request.put("reason", r));
        return request;
    }
}
