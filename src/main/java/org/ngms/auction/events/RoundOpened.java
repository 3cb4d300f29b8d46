package org.ngms.auction.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ngms.auction.clock.RoundPrices;
import org.ngms.audit.AuditEvent;
import org.ngms.audit.Instants;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ROUND_OPENED}: a clock round opens with its prices (per product the start-of-round and the clock price),
 * the regulator's increment where the directive lets the regulator set it, and its deadline.
 */
public record RoundOpened(String stage, RoundPrices prices, Instant closesAt) implements AuditEvent {

    public static final String TYPE = "ROUND_OPENED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode o = JsonFields.object().put("stage", stage).put("round", prices.round())
                .put("closesAt", Instants.format(closesAt));
        prices.increment().ifPresent(p -> o.put("increment", p.toString()));
        ObjectNode products = o.putObject("prices");
        prices.products().forEach((product, p) -> products.putObject(product)
                .put("startOfRound", p.startOfRound()).put("clockPrice", p.clockPrice()));
        return o;
    }

    public static RoundOpened read(JsonNode p) {
        JsonNode listed = JsonFields.object(p, "prices");
        Map<String, RoundPrices.Prices> products = new LinkedHashMap<>();
        for (String product : listed.propertyNames()) {
            JsonNode one = listed.get(product);
            try {
                products.put(product, new RoundPrices.Prices(JsonFields.whole(one, "startOfRound"),
                        JsonFields.whole(one, "clockPrice")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prices." + product + ": " + e.getMessage(), e);
            }
        }
        Instant closesAt = JsonFields.instant(p, "closesAt");
        return new RoundOpened(JsonFields.text(p, "stage"), new RoundPrices(JsonFields.integer(p, "round"), products,
                JsonFields.optionalPercent(p, "increment")), closesAt);
    }
}
