package org.ngms.auction.events;

import java.util.List;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.smra.SmraActionsJson;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SMRA_ROUND_RESULT}: a processed SMRA round: the action sets it was processed with (each bidder's latest
 * version), the round as canonical JSON ({@code ngms-smra-round/1}) and that JSON's SHA-256.
 */
public record SmraRoundResult(String stage, int round, List<SmraActionSet> actions, String resultCanonical,
                              String roundSha256) implements AuditEvent {

    public static final String TYPE = "SMRA_ROUND_RESULT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SmraRoundResult {
        actions = List.copyOf(actions);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode record = JsonFields.object().put("stage", stage).put("round", round)
                .put("roundSha256", roundSha256);
        ArrayNode sets = record.putArray("actions");
        actions.forEach(s -> sets.addObject().put("bidder", s.bidder()).put("version", s.version())
                .set("actions", SmraActionsJson.json(s.actions())));
        record.set("result", JSON.readTree(resultCanonical));
        return record;
    }

    /** From a recorded payload; the result is read back to its canonical text (whatever it says). */
    public static SmraRoundResult read(JsonNode p) {
        List<SmraActionSet> sets = JsonFields.list(p, "actions", s -> {
            String bidder = JsonFields.text(s, "bidder");
            return new SmraActionSet(JsonFields.integer(s, "version"),
                    SmraActionsJson.read(bidder, JsonFields.object(s, "actions")));
        });
        JsonNode result = JsonFields.object(p, "result");
        return new SmraRoundResult(JsonFields.text(p, "stage"), JsonFields.integer(p, "round"), sets,
                CanonicalJson.canonicalize(JSON.writeValueAsString(result)), JsonFields.text(p, "roundSha256"));
    }
}
