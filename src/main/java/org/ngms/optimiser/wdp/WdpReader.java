package org.ngms.optimiser.wdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;
import org.ngms.shared.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code wdp/1} instance exactly as {@code docs/formats/wdp.md} fixes it. An invalid instance is
 * rejected whole, with every violation named by its path ({@code bidders[3].bids[7].amount}). Fields the format does
 * not define are ignored; every number must be an integer that fits a signed 64-bit integer.
 */
public final class WdpReader {

    public static final String FORMAT = "wdp/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WdpReader() {
    }

    /** The outcome of reading: an instance, or the violations that reject it. */
    public sealed interface Result permits Read, Rejected {
    }

    public record Read(Instance instance) implements Result {
    }

    public record Rejected(List<Violation> violations) implements Result {
        public Rejected {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one violation");
            }
        }

        /** The first violation as one line: path, rule and message. */
        public String firstMessage() {
            Violation v = violations.get(0);
            return (v.path().isEmpty() ? "(document)" : v.path()) + ": " + v.rule() + ": " + v.message();
        }
    }

    public static Result read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return new Rejected(List.of(Violation.of("", "NOT_JSON", "not a JSON document: "
                    + e.getOriginalMessage(), null)));
        }
        return new Reading().document(root);
    }

    private static final class Reading {
        private final List<Violation> violations = new ArrayList<>();

        Result document(JsonNode root) {
            if (root == null || !root.isObject()) {
                return new Rejected(List.of(Violation.of("", "WRONG_TYPE", "the instance must be a JSON object",
                        null)));
            }
            String format = text(root, "", "format");
            if (format != null && !FORMAT.equals(format)) {
                violations.add(Violation.of("format", "WRONG_FORMAT", "format must be " + FORMAT, format));
            }
            String name = text(root, "", "name");
            String currency = text(root, "", "currency");
            List<Category> categories = new ArrayList<>();
            for (Item item : array(root, "", "categories", true)) {
                String id = text(item.node, item.path, "id");
                Long supply = positive(item.node, item.path, "supply");
                Long reserve = whole(item.node, item.path, "reservePrice", true, 0);
                if (id != null && supply != null && reserve != null) {
                    categories.add(new Category(id, supply, reserve));
                }
            }
            List<Cap> caps = caps(root, "");
            List<Bidder> bidders = new ArrayList<>();
            for (Item item : array(root, "", "bidders", true)) {
                String id = text(item.node, item.path, "id");
                List<Cap> own = caps(item.node, item.path);
                List<Bid> bids = new ArrayList<>();
                for (Item bidItem : array(item.node, item.path, "bids", true)) {
                    Bid bid = bid(bidItem);
                    if (bid != null) {
                        bids.add(bid);
                    }
                }
                if (id != null) {
                    bidders.add(new Bidder(id, own, bids));
                }
            }
            if (!violations.isEmpty()) {
                return new Rejected(violations);
            }
            List<Violation> rules = Instance.violations(categories, caps, bidders);
            if (!rules.isEmpty()) {
                return new Rejected(rules);
            }
            return new Read(new Instance(name, currency, categories, caps, bidders));
        }

        private Bid bid(Item item) {
            String id = text(item.node, item.path, "id");
            Long amount = whole(item.node, item.path, "amount", true, 0);
            Map<String, Long> pack = new LinkedHashMap<>();
            boolean ok = true;
            JsonNode node = item.node.get("package");
            String at = item.path + ".package";
            if (node == null || node.isNull()) {
                violations.add(Violation.of(at, "REQUIRED", "package is required", null));
                ok = false;
            } else if (!node.isObject()) {
                violations.add(Violation.of(at, "WRONG_TYPE", "package must map categories to blocks", node));
                ok = false;
            } else if (node.isEmpty()) {
                violations.add(Violation.of(at, "REQUIRED", "package must name at least one category", "{}"));
                ok = false;
            } else {
                for (String category : node.propertyNames()) {
                    Long blocks = positive(node, at, category);
                    if (blocks == null) {
                        ok = false;
                    } else {
                        pack.put(category, blocks);
                    }
                }
            }
            if (id == null || amount == null || !ok) {
                return null;
            }
            return new Bid(id, pack, amount);
        }

        private List<Cap> caps(JsonNode parent, String path) {
            List<Cap> caps = new ArrayList<>();
            for (Item item : array(parent, path, "caps", false)) {
                List<String> categories = new ArrayList<>();
                JsonNode list = item.node.get("categories");
                String at = item.path + ".categories";
                boolean ok = true;
                if (list == null || !list.isArray() || list.isEmpty()) {
                    violations.add(Violation.of(at, list == null ? "REQUIRED" : "WRONG_TYPE",
                            "categories must be a non-empty list of category ids", list));
                    ok = false;
                } else {
                    for (int c = 0; c < list.size(); c++) {
                        JsonNode id = list.get(c);
                        if (!id.isString() || id.stringValue().isEmpty()) {
                            violations.add(Violation.of(at + "[" + c + "]", "WRONG_TYPE",
                                    "a category id is a non-empty string", id));
                            ok = false;
                        } else if (categories.contains(id.stringValue())) {
                            violations.add(Violation.of(at + "[" + c + "]", "DUPLICATE_ID",
                                    "category " + id.stringValue() + " is listed twice", id.stringValue()));
                            ok = false;
                        } else {
                            categories.add(id.stringValue());
                        }
                    }
                }
                Map<String, Long> weights = new LinkedHashMap<>();
                JsonNode weightNode = item.node.get("weights");
                if (weightNode != null && !weightNode.isNull()) {
                    if (!weightNode.isObject()) {
                        violations.add(Violation.of(item.path + ".weights", "WRONG_TYPE",
                                "weights must map listed categories to positive integers", weightNode));
                        ok = false;
                    } else {
                        for (String category : weightNode.propertyNames()) {
                            Long weight = positive(weightNode, item.path + ".weights", category);
                            if (weight == null) {
                                ok = false;
                            } else if (!categories.contains(category)) {
                                violations.add(Violation.of(item.path + ".weights." + category, "WEIGHT_NOT_LISTED",
                                        "weight names " + category + ", which the cap does not list", category));
                                ok = false;
                            } else {
                                weights.put(category, weight);
                            }
                        }
                    }
                }
                Long max = whole(item.node, item.path, "max", true, 0);
                if (ok && max != null) {
                    caps.add(new Cap(categories, weights, max));
                }
            }
            return caps;
        }

        private record Item(String path, JsonNode node) {
        }

        private List<Item> array(JsonNode parent, String path, String name, boolean required) {
            JsonNode node = parent.get(name);
            String at = child(path, name);
            List<Item> items = new ArrayList<>();
            if (node == null || node.isNull()) {
                if (required) {
                    violations.add(Violation.of(at, "REQUIRED", name + " is required", null));
                }
                return items;
            }
            if (!node.isArray()) {
                violations.add(Violation.of(at, "WRONG_TYPE", name + " must be a list", node));
                return items;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    violations.add(Violation.of(at + "[" + i + "]", "WRONG_TYPE", "each entry must be an object",
                            item));
                } else {
                    items.add(new Item(at + "[" + i + "]", item));
                }
            }
            return items;
        }

        private String text(JsonNode parent, String path, String name) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                violations.add(Violation.of(child(path, name), "REQUIRED", name + " is required", null));
                return null;
            }
            if (!node.isString() || node.stringValue().isEmpty()) {
                violations.add(Violation.of(child(path, name), "WRONG_TYPE", name + " must be a non-empty string",
                        node));
                return null;
            }
            return node.stringValue();
        }

        private Long positive(JsonNode parent, String path, String name) {
            return whole(parent, path, name, true, 1);
        }

        /** An integer of at least {@code min} that fits a signed 64-bit integer. */
        private Long whole(JsonNode parent, String path, String name, boolean required, long min) {
            JsonNode node = parent.get(name);
            String at = child(path, name);
            if (node == null || node.isNull()) {
                if (required) {
                    violations.add(Violation.of(at, "REQUIRED", name + " is required", null));
                }
                return null;
            }
            if (!node.isNumber() || !node.isIntegralNumber()) {
                violations.add(Violation.of(at, "NOT_AN_INTEGER", name + " must be an integer", node));
                return null;
            }
            if (!node.canConvertToLong()) {
                violations.add(Violation.of(at, "OUT_OF_RANGE", name + " does not fit a signed 64-bit integer",
                        node));
                return null;
            }
            long value = node.longValue();
            if (value < min) {
                violations.add(Violation.of(at, min == 1 ? "NOT_POSITIVE" : "NEGATIVE",
                        name + (min == 1 ? " must be a positive integer" : " must not be negative"), value));
                return null;
            }
            return value;
        }

        private static String child(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
