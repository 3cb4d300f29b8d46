package org.ngms.auction.events;

import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Percent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ROUND_INCREMENT_SET}: the regulator sets the increment of round {@code round} (while round {@code round - 1}
 * is open); the last one set counts when the round opens.
 */
public record RoundIncrementSet(UUID auction, String stage, int round, Percent percent)
        implements AuditEvent.Requested {

    public static final String TYPE = "ROUND_INCREMENT_SET";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("stage", stage).put("round", round).put("percent", percent.toString());
    }

    @Override
    public ObjectNode request() {
        return JsonFields.object().put("action", "SET_ROUND_INCREMENT").put("auction", auction.toString())
                .put("stage", stage).put("round", round).put("percent", percent.toString());
    }

    /** From a recorded payload: stage, round and percent from the facts, the auction from the request. */
    public static RoundIncrementSet read(JsonNode p) {
        return new RoundIncrementSet(JsonFields.uuid(JsonFields.object(p, "request"), "auction"),
                JsonFields.text(p, "stage"), JsonFields.integer(p, "round"), JsonFields.percent(p, "percent"));
    }
}
