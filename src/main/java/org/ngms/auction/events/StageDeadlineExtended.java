package org.ngms.auction.events;

import java.time.Instant;
import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.Instants;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code STAGE_DEADLINE_EXTENDED}: the regulator moves a sealed stage's deadline later (never earlier). */
public record StageDeadlineExtended(UUID auction, String stage, Instant closesAt) implements AuditEvent.Requested {

    public static final String TYPE = "STAGE_DEADLINE_EXTENDED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object();
    }

    @Override
    public ObjectNode request() {
        return JsonFields.object().put("action", "EXTEND_DEADLINE").put("auction", auction.toString())
                .put("stage", stage).put("closesAt", Instants.format(closesAt));
    }
}
