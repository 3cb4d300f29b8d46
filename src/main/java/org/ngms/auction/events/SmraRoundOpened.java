package org.ngms.auction.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.Instants;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SMRA_ROUND_OPENED}: an SMRA round opens with, per licence, its minimum acceptable bid, the increment that
 * gave it and the acceptable amounts (the click box, from the minimum acceptable bid up); the regulator's announced
 * increment where the directive lets the regulator set it; and its deadline.
 */
public record SmraRoundOpened(String stage, SmraPrices prices, Instant closesAt) implements AuditEvent {

    public static final String TYPE = "SMRA_ROUND_OPENED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode o = JsonFields.object().put("stage", stage).put("round", prices.round())
                .put("closesAt", Instants.format(closesAt));
        prices.increment().ifPresent(p -> o.put("increment", p.toString()));
        ObjectNode licences = o.putObject("licences");
        prices.licences().forEach((licence, p) -> {
            ObjectNode l = licences.putObject(licence).put("minimumAcceptableBid", p.minimumAcceptableBid())
                    .put("incrementPercent", p.increment().toString());
            ArrayNode box = l.putArray("clickBox");
            p.clickBox().forEach(box::add);
        });
        return o;
    }

    public static SmraRoundOpened read(JsonNode p) {
        JsonNode listed = JsonFields.object(p, "licences");
        SortedMap<String, SmraPrices.LicencePrices> licences = new TreeMap<>();
        for (String licence : listed.propertyNames()) {
            JsonNode one = listed.get(licence);
            try {
                List<Long> box = new ArrayList<>(JsonFields.list(one, "clickBox", a -> {
                    if (!a.isIntegralNumber() || !a.canConvertToLong()) {
                        throw new IllegalArgumentException("an amount is a whole number");
                    }
                    return a.longValue();
                }));
                licences.put(licence, new SmraPrices.LicencePrices(JsonFields.whole(one, "minimumAcceptableBid"),
                        JsonFields.percent(one, "incrementPercent"), box));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("licences." + licence + ": " + e.getMessage(), e);
            }
        }
        Instant closesAt = JsonFields.instant(p, "closesAt");
        return new SmraRoundOpened(JsonFields.text(p, "stage"), new SmraPrices(JsonFields.integer(p, "round"),
                JsonFields.optionalPercent(p, "increment"), licences), closesAt);
    }
}
