package org.ngms.optimiser.wdp;

import java.util.TreeMap;

import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link Instance} as a {@code wdp/1} document, the form {@link WdpReader} reads: format, name, currency,
 * categories, top-level caps, bidders with their caps and bids. Caps without weights omit {@code weights}; package
 * and weight keys are sorted, so equal instances give equal text.
 */
public final class WdpInstanceWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private WdpInstanceWriter() {
    }

    public static ObjectNode tree(Instance instance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", WdpReader.FORMAT);
        root.put("name", instance.name());
        root.put("currency", instance.currency());
        ArrayNode categories = root.putArray("categories");
        for (Category c : instance.categories()) {
            categories.addObject().put("id", c.id()).put("supply", c.supply()).put("reservePrice", c.reservePrice());
        }
        caps(root.putArray("caps"), instance.caps());
        ArrayNode bidders = root.putArray("bidders");
        for (Bidder bidder : instance.bidders()) {
            ObjectNode b = bidders.addObject();
            b.put("id", bidder.id());
            caps(b.putArray("caps"), bidder.caps());
            ArrayNode bids = b.putArray("bids");
            for (Bid bid : bidder.bids()) {
                ObjectNode node = bids.addObject();
                node.put("id", bid.id());
                ObjectNode pack = node.putObject("package");
                new TreeMap<>(bid.pack()).forEach(pack::put);
                node.put("amount", bid.amount());
            }
        }
        return root;
    }

    public static String write(Instance instance) {
        return JSON.writeValueAsString(tree(instance));
    }

    private static void caps(ArrayNode array, java.util.List<Cap> caps) {
        for (Cap cap : caps) {
            ObjectNode node = array.addObject();
            ArrayNode categories = node.putArray("categories");
            cap.categories().forEach(categories::add);
            if (!cap.weights().isEmpty()) {
                ObjectNode weights = node.putObject("weights");
                new TreeMap<String, Long>(cap.weights()).forEach(weights::put);
            }
            node.put("max", cap.max());
        }
    }
}
