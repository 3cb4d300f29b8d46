package org.ngms.auction.events;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code STAGE_OPENED}: a stage's window opens (a clock stage opens its round 1 with it). */
public record StageOpened(String stage) implements AuditEvent {

    public static final String TYPE = "STAGE_OPENED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("stage", stage);
    }
}
