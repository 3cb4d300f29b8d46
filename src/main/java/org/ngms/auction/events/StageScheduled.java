package org.ngms.auction.events;

import java.time.Instant;
import java.util.Optional;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.Instants;
import org.ngms.directive.Stage;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code STAGE_SCHEDULED}: a stage's window is set, with its opening and (for a sealed stage) its deadline. */
public record StageScheduled(String stage, Stage.StageType stageType, Instant opensAt, Optional<Instant> closesAt)
        implements AuditEvent {

    public static final String TYPE = "STAGE_SCHEDULED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode facts = JsonFields.object().put("stage", stage).put("type", stageType.name())
                .put("opensAt", Instants.format(opensAt));
        closesAt.ifPresent(c -> facts.put("closesAt", Instants.format(c)));
        return facts;
    }
}
