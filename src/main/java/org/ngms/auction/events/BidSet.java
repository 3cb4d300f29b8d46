package org.ngms.auction.events;

import java.util.List;

import org.ngms.auction.clock.Bid;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One version of a bidder's clock bids in a round, as submitted and as listed in the round's result. */
public record BidSet(String bidder, int version, List<Bid> bids) {

    public BidSet {
        bids = List.copyOf(bids);
        for (Bid b : bids) {
            if (!b.bidder().equals(bidder)) {
                throw new IllegalArgumentException("a bid of " + b.bidder() + " in the bid set of " + bidder);
            }
        }
    }

    /** The bids as recorded: {@code [{product, quantity, price}]}, in the order given. */
    public static ArrayNode json(List<Bid> bids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        bids.forEach(b -> array.addObject().put("product", b.product()).put("quantity", b.quantity())
                .put("price", b.price()));
        return array;
    }

    /** The recorded bids of {@code bidder}, each {@code {product, quantity, price}}, strictly. */
    public static List<Bid> read(String bidder, JsonNode list) {
        JsonNode wrapper = JsonFields.object().set("bids", list);
        return JsonFields.list(wrapper, "bids", b -> new Bid(bidder, JsonFields.text(b, "product"),
                JsonFields.integer(b, "quantity"), JsonFields.whole(b, "price")));
    }
}
