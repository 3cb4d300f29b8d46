package org.ngms.auction.smra.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraBid;
import org.ngms.directive.InvalidScenarioException;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.DocumentReader.Fields;
import org.ngms.shared.Money;
import org.ngms.shared.Percent;
import org.ngms.shared.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code smra-bids.yaml} ({@value SmraScript#SCHEMA}), reporting every violation at once with its path. It
 * checks the form only (and that rounds are numbered 1, 2, 3, ... in order); whether an action is allowed is for
 * {@link org.ngms.auction.smra.SmraStage} to say when the script is run.
 */
public final class SmraScriptReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private SmraScriptReader() {
    }

    /** The script in {@code directory}/smra-bids.yaml. */
    public static SmraScript read(Path directory) {
        Path file = directory.resolve(SmraScript.FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(directory, text);
    }

    /** Parses the text of an SMRA bid script; {@code directory} only names it in errors. */
    public static SmraScript parse(Path directory, String text) {
        String name = SmraScript.FILE;
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
        if (schema != null && !schema.equals(SmraScript.SCHEMA)) {
            f.reject("schema", DocumentReader.UNKNOWN_VALUE, "schema must be " + SmraScript.SCHEMA, schema);
        }
        String directive = f.id("directive");
        String stage = f.id("stage");
        int[] expected = {1};
        List<SmraScript.Round> rounds = f.list("rounds", true, r -> {
            Integer number = r.integer("round", 1, 100_000);
            if (number != null && number != expected[0]) {
                r.reject("round", DocumentReader.OUT_OF_RANGE, "rounds are numbered 1, 2, 3, ... in order; this one "
                        + "should be " + expected[0], number);
            }
            expected[0]++;
            Optional<Percent> increment = r.optionalPercent("incrementPercent", false, 100);
            List<SmraActions> actions = r.list("actions", false, SmraScriptReader::actions);
            return r.build(() -> new SmraScript.Round(number, increment, actions));
        });
        SmraScript script = f.build(() -> new SmraScript(directive, stage, rounds));
        if (reader.hasViolations()) {
            throw new InvalidScenarioException(directory, reader.violations().stream()
                    .map(v -> new Violation(name + ":" + v.path(), v.rule(), v.message(), v.value()))
                    .toList());
        }
        return script;
    }

    private static SmraActions actions(Fields a) {
        String bidder = a.id("bidder");
        List<SmraBid> bids = a.list("bids", false, b -> {
            String licence = b.id("licence");
            Money amount = b.positiveMoney("amount");
            return b.build(() -> new SmraBid(licence, amount.amount()));
        });
        List<String> withdrawals = a.ids("withdrawals", false);
        Boolean waiver = a.bool("waiver", false);
        Boolean reduce = a.bool("reduceEligibility", false);
        return a.build(() -> new SmraActions(bidder, bids, withdrawals, waiver, reduce));
    }
}
