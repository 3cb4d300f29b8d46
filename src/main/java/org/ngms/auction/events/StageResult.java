package org.ngms.auction.events;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code STAGE_RESULT}: a stage's result as its format writes it (sealed evaluation, clock outcome). */
public record StageResult(String stage, ObjectNode result) implements AuditEvent {

    public static final String TYPE = "STAGE_RESULT";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode o = JsonFields.object().put("stage", stage);
        o.set("result", result);
        return o;
    }
}
