package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.List;

import org.ngms.shared.DocumentReader;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An SMRA action set as JSON: {@code {"bids": [{"licence", "amount"}], "withdrawals": [licence], "waiver": bool,
 * "reduceEligibility": bool}}, every field optional (the empty object is a bidder that does nothing this round). The
 * same shape is the operator's request, the stored version and what the transcript records.
 */
public final class SmraActionsJson {

    private SmraActionsJson() {
    }

    public static ObjectNode json(SmraActions a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode bids = o.putArray("bids");
        a.bids().forEach(b -> bids.addObject().put("licence", b.licence()).put("amount", b.amount()));
        ArrayNode withdrawals = o.putArray("withdrawals");
        a.withdrawals().forEach(withdrawals::add);
        return o.put("waiver", a.waiver()).put("reduceEligibility", a.reduceEligibility());
    }

    /**
     * An operator's request read with every problem named at its path (wrong types, unknown fields, amounts that are
     * not positive whole currency units); the rules of the round are checked by {@link SmraStage#rejections}.
     */
    public static SmraActions request(String bidder, JsonNode body, List<Violation> violations) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        List<SmraBid> bids = root.list("bids", false, b -> {
            String licence = b.id("licence");
            var amount = b.positiveMoney("amount");
            return b.build(() -> new SmraBid(licence, amount.amount()));
        });
        List<String> withdrawals = root.ids("withdrawals", false);
        Boolean waiver = root.bool("waiver", false);
        Boolean reduce = root.bool("reduceEligibility", false);
        SmraActions actions = root.build(() -> new SmraActions(bidder, bids, withdrawals, waiver, reduce));
        violations.addAll(reader.violations());
        return actions;
    }

    /** A recorded action set of {@code bidder}, strictly (a missing or mistyped field names itself). */
    public static SmraActions read(String bidder, JsonNode o) {
        List<SmraBid> bids = JsonFields.list(o, "bids", b -> new SmraBid(JsonFields.text(b, "licence"),
                JsonFields.whole(b, "amount")));
        List<String> withdrawals = new ArrayList<>(JsonFields.list(o, "withdrawals", w -> {
            if (!w.isString()) {
                throw new IllegalArgumentException("withdrawals: each entry is a licence id");
            }
            return w.stringValue();
        }));
        JsonNode waiver = o.get("waiver");
        JsonNode reduce = o.get("reduceEligibility");
        if (waiver == null || !waiver.isBoolean() || reduce == null || !reduce.isBoolean()) {
            throw new IllegalArgumentException("waiver and reduceEligibility are true or false");
        }
        return new SmraActions(bidder, bids, withdrawals, waiver.booleanValue(), reduce.booleanValue());
    }
}
