package org.ngms.auction.events;

import java.util.List;

import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRoundJson;
import org.ngms.audit.AuditEvent;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ROUND_RESULT}: a processed clock round: the bid sets it was processed with (each bidder's latest version),
 * the round as canonical JSON ({@code ngms-clock-round/1}) and that JSON's SHA-256.
 */
public record RoundResult(String stage, int round, List<BidSet> bids, String resultCanonical, String roundSha256)
        implements AuditEvent {

    public static final String TYPE = "ROUND_RESULT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RoundResult {
        bids = List.copyOf(bids);
    }

    public static RoundResult of(String stage, ClockRound result, List<BidSet> bids) {
        return new RoundResult(stage, result.number(), bids, ClockRoundJson.canonical(result),
                ClockRoundJson.sha256(result));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode record = JsonFields.object().put("stage", stage).put("round", round).put("roundSha256", roundSha256);
        ArrayNode sets = record.putArray("bids");
        bids.forEach(s -> sets.addObject().put("bidder", s.bidder()).put("version", s.version())
                .set("bids", BidSet.json(s.bids())));
        record.set("result", JSON.readTree(resultCanonical));
        return record;
    }

    /** From a recorded payload; the result is read back to its canonical text (whatever it says). */
    public static RoundResult read(JsonNode p) {
        List<BidSet> sets = JsonFields.list(p, "bids", s -> {
            String bidder = JsonFields.text(s, "bidder");
            return new BidSet(bidder, JsonFields.integer(s, "version"), BidSet.read(bidder, s.get("bids")));
        });
        JsonNode result = JsonFields.object(p, "result");
        return new RoundResult(JsonFields.text(p, "stage"), JsonFields.integer(p, "round"), sets,
                CanonicalJson.canonicalize(JSON.writeValueAsString(result)), JsonFields.text(p, "roundSha256"));
    }
}
