package org.ngms.auction.clock.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ngms.directive.InvalidScenarioException;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.DocumentReader.Fields;
import org.ngms.shared.Percent;
import org.ngms.shared.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code clock-bids.yaml} ({@value ClockScript#SCHEMA}), reporting every violation at once with its path. */
public final class ClockScriptReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ClockScriptReader() {
    }

    /** The script in {@code directory}/clock-bids.yaml. */
    public static ClockScript read(Path directory) {
        return read(directory, ClockScript.FILE);
    }

    /** The script in {@code directory}/{@code name}: an allocation clock's, or an assignment clock's. */
    public static ClockScript read(Path directory, String name) {
        Path file = directory.resolve(name);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(directory, name, text);
    }

    public static ClockScript parse(Path directory, String text) {
        return parse(directory, ClockScript.FILE, text);
    }

    static ClockScript parse(Path directory, String name, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidScenarioException(directory, List.of(Violation.of(name, "SYNTAX",
                    "the text is not well-formed: " + e.getOriginalMessage(), null)));
        }
        DocumentReader reader = new DocumentReader();
        Fields f = reader.root(tree);
        String schema = f.string("schema");
        if (schema != null && !schema.equals(ClockScript.SCHEMA)) {
            f.reject("schema", DocumentReader.UNKNOWN_VALUE, "schema must be " + ClockScript.SCHEMA, schema);
        }
        String directive = f.id("directive");
        String stage = f.id("stage");
        String seed = f.string("seed");
        if (seed != null && !seed.matches("[0-9a-f]{64}")) {
            f.reject("seed", DocumentReader.BAD_FORMAT, "seed is 64 lower-case hex digits (32 bytes)", seed);
        }
        List<String> products = f.ids("products", false);
        Map<String, Long> opening = longs(f.counts("openingPrices", 0, Integer.MAX_VALUE));
        List<String> bidders = f.ids("bidders", false);
        Map<Integer, Percent> increments = new HashMap<>();
        f.list("increments", false, i -> {
            Integer round = i.integer("round", 2, 100_000);
            Percent percent = i.percent("percent", false, 100);
            return i.build(() -> increments.put(round, percent));
        });
        List<ClockScript.Round> rounds = f.list("rounds", true, r -> {
            Integer number = r.integer("round", 1, 100_000);
            List<ClockScript.BidderBids> bids = r.list("bids", false, b -> {
                String bidder = b.id("bidder");
                Map<String, Integer> demand = b.counts("demand", 0, 100_000);
                Map<String, Long> prices = longs(b.counts("prices", 0, Integer.MAX_VALUE));
                return b.build(() -> new ClockScript.BidderBids(bidder, demand, prices));
            });
            return r.build(() -> new ClockScript.Round(number, bids));
        });
        ClockScript script = f.build(() -> new ClockScript(directive, stage, seed, products, opening, bidders,
                increments, rounds));
        if (reader.hasViolations()) {
            throw new InvalidScenarioException(directory, reader.violations().stream()
                    .map(v -> new Violation(name + ":" + v.path(), v.rule(), v.message(), v.value()))
                    .toList());
        }
        return script;
    }

    private static Map<String, Long> longs(Map<String, Integer> values) {
        Map<String, Long> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, v.longValue()));
        return result;
    }
}
