package org.ngms.auction.events;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code STAGE_OPERATION_RECOVERED}: a stage operation that had failed succeeded, after {@code attempts} tries. */
public record StageOperationRecovered(String stage, String operation, int attempts) implements AuditEvent {

    public static final String TYPE = "STAGE_OPERATION_RECOVERED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("stage", stage).put("operation", operation).put("attempts", attempts);
    }
}
