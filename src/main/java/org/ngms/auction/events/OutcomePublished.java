package org.ngms.auction.events;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code OUTCOME_PUBLISHED}: the auction's outcome (winners, prices, unsold lots, payment schedules). */
public record OutcomePublished(ObjectNode outcome) implements AuditEvent {

    public static final String TYPE = "OUTCOME_PUBLISHED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode o = JsonFields.object();
        o.set("outcome", outcome);
        return o;
    }
}
