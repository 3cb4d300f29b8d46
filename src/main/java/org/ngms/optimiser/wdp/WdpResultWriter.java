package org.ngms.optimiser.wdp;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.Winner;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@code wdp-result/1}: format, instance, value, winners (bidder and bid, in the instance's bidder order),
 * provenOptimal, upperBound, and seconds (wall time, rounded to the millisecond). Money is written as integers.
 */
public final class WdpResultWriter {

    public static final String FORMAT = "wdp-result/1";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private WdpResultWriter() {
    }

    public static ObjectNode tree(Allocation allocation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("instance", allocation.instance());
        root.put("value", allocation.value());
        ArrayNode winners = root.putArray("winners");
        for (Winner winner : allocation.winners()) {
            winners.addObject().put("bidder", winner.bidder()).put("bid", winner.bid());
        }
        root.put("provenOptimal", allocation.provenOptimal());
        root.put("upperBound", allocation.upperBound());
        root.put("seconds", BigDecimal.valueOf(allocation.seconds()).setScale(3, RoundingMode.HALF_UP));
        return root;
    }

    public static String write(Allocation allocation) {
        return JSON.writeValueAsString(tree(allocation));
    }
}
