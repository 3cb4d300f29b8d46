package org.ngms.verifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The leaves where a recomputed JSON value and a recorded one differ, each named by its path, so a finding says what
 * differs ({@code products[P1].postedPrice: recorded 7199000, recomputed 7198000}) rather than quoting two whole
 * arrays. An element of an array of objects is named by its {@code bidder}, {@code product} and {@code licence} where
 * it has them (a clock round's products, bidders and bids; an SMRA round's licences, bidders and bids), else by its
 * position. Arrays are compared position by position; a
 * different length is itself a difference.
 */
final class JsonDifferences {

    /** How many differences a finding lists; the rest are counted. */
    static final int SHOWN = 8;
    private static final int VALUE_CHARS = 200;

    private JsonDifferences() {
    }

    /** The differences of {@code recomputed} against {@code recorded}, at most {@link #SHOWN} and a count. */
    static List<String> of(JsonNode recomputed, JsonNode recorded) {
        List<String> all = new ArrayList<>();
        walk("", recomputed, recorded, all);
        if (all.size() <= SHOWN) {
            return all;
        }
        List<String> shown = new ArrayList<>(all.subList(0, SHOWN));
        shown.add("… and " + (all.size() - SHOWN) + " more difference(s)");
        return shown;
    }

    private static void walk(String path, JsonNode mine, JsonNode theirs, List<String> out) {
        if (mine != null && theirs != null && mine.isObject() && theirs.isObject()) {
            Set<String> names = new LinkedHashSet<>(mine.propertyNames());
            names.addAll(theirs.propertyNames());
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, mine.get(name), theirs.get(name), out);
            }
            return;
        }
        if (mine != null && theirs != null && mine.isArray() && theirs.isArray()) {
            if (mine.size() != theirs.size()) {
                out.add(path + ": recorded " + theirs.size() + " entries, recomputed " + mine.size());
            }
            for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                walk(path + "[" + label(mine.get(i), theirs.get(i), i) + "]", mine.get(i), theirs.get(i), out);
            }
            return;
        }
        String a = value(mine);
        String b = value(theirs);
        if (!a.equals(b)) {
            out.add((path.isEmpty() ? "(the value)" : path) + ": recorded " + b + ", recomputed " + a);
        }
    }

    /** The element's bidder, product and licence (as recorded, where they agree), else its position. */
    private static String label(JsonNode mine, JsonNode theirs, int index) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("bidder", "product", "licence")) {
            JsonNode m = mine.path(key);
            JsonNode t = theirs.path(key);
            if (m.isString() && t.isString() && m.stringValue().equals(t.stringValue())) {
                parts.add(t.stringValue());
            }
        }
        return parts.isEmpty() ? String.valueOf(index) : index + ": " + String.join(" ", parts);
    }

    private static String value(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(absent)";
        }
        String text = SealedRecomputation.canonical(node);
        return text.length() <= VALUE_CHARS ? text : text.substring(0, VALUE_CHARS) + "…";
    }
}
