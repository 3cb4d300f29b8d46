package org.ngms.auction.events;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code STAGE_CLOSED}: a sealed stage's deadline has passed; {@code liveBids} bids (not withdrawn) are opened. */
public record StageClosed(String stage, int liveBids) implements AuditEvent {

    public static final String TYPE = "STAGE_CLOSED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("stage", stage).put("liveBids", liveBids);
    }
}
