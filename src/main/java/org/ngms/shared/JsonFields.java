package org.ngms.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading event payloads strictly: a field that is missing or of the wrong type is an
 * {@link IllegalArgumentException} naming it, so a reader (the verifier reading a bundle it does not trust) reports
 * the record it cannot read instead of guessing.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.stringValue();
    }

    /** An ISO-8601 instant ({@code 2026-03-10T09:00:00Z}); anything else names the field. */
    public static java.time.Instant instant(JsonNode node, String field) {
        try {
            return java.time.Instant.parse(text(node, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an instant");
        }
    }

    public static java.util.UUID uuid(JsonNode node, String field) {
        try {
            return java.util.UUID.fromString(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id");
        }
    }

    public static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return v.intValue();
    }

    public static long whole(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return v.longValue();
    }

    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException(field + " is not an object");
        }
        return v;
    }

    public static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> item) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(field + " is not a list");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            try {
                items.add(item.apply(v.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "[" + i + "]." + e.getMessage(), e);
            }
        }
        return items;
    }

    /** An object of whole counts ({@code {"P1": 2}}), in key order; a value that is not a whole number is named. */
    public static java.util.Map<String, Integer> counts(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + " is not an object of counts");
        }
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        node.properties().forEach(e -> {
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException(field + "." + e.getKey() + " is not a whole number: "
                        + e.getValue());
            }
            counts.put(e.getKey(), e.getValue().intValue());
        });
        return counts;
    }

    public static Optional<Percent> optionalPercent(JsonNode node, String field) {
        return node.has(field) ? Optional.of(percent(node, field)) : Optional.empty();
    }

    public static Percent percent(JsonNode node, String field) {
        try {
            return Percent.parse(text(node, field));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a percentage: " + node.get(field));
        }
    }
}
