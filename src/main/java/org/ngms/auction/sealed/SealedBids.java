package org.ngms.auction.sealed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.directive.InvalidScenarioException;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.DocumentReader.Fields;
import org.ngms.shared.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario's scripted sealed bids ({@code sealed-bids.yaml}, schema {@value #SCHEMA}): per stage, each bidder's
 * pre-bid offer ({@code offers}) or package bids ({@code packages}). Provenance tags are YAML comments, as in the
 * other scenario files. The format is documented in docs/formats/sealed.md. Reading checks the form only; the
 * directive's rules are applied by {@link SealedRules} when the bids are evaluated.
 */
public record SealedBids(String directive, List<StageBids> stages) {

    public static final String SCHEMA = "ngms-sealed-bids/1";
    public static final String FILE = "sealed-bids.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public SealedBids {
        Objects.requireNonNull(directive, "directive");
        stages = List.copyOf(stages);
    }

    /** The bids of one stage: offers at reserve, or package bids. */
    public record StageBids(String stage, List<DemandOffer> offers, List<PackageOffer> packages) {
        public StageBids {
            Objects.requireNonNull(stage, "stage");
            offers = List.copyOf(offers);
            packages = List.copyOf(packages);
        }
    }

    public Optional<StageBids> stage(String id) {
        return stages.stream().filter(s -> s.stage().equals(id)).findFirst();
    }

    /** The offers at reserve of a stage (empty when the file has none). */
    public List<DemandOffer> offers(String stage) {
        return stage(stage).map(StageBids::offers).orElse(List.of());
    }

    /** The package bids of a stage (empty when the file has none). */
    public List<PackageOffer> packages(String stage) {
        return stage(stage).map(StageBids::packages).orElse(List.of());
    }

    /**
     * The sealed bids of the scenario in {@code directory}.
     *
     * @throws InvalidScenarioException listing every violation, when the file is missing or broken
     */
    public static SealedBids load(Path directory) {
        String text;
        try {
            text = Files.readString(directory.resolve(FILE));
        } catch (IOException e) {
            throw new InvalidScenarioException(directory, List.of(Violation.of(FILE, "MISSING_FILE",
                    FILE + " cannot be read: " + e.getMessage(), null)));
        }
        return parse(directory, text);
    }

    /** Parses the text of a sealed-bids file; {@code directory} only names it in errors. */
    public static SealedBids parse(Path directory, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidScenarioException(directory, List.of(Violation.of(FILE, "SYNTAX",
                    "the text is not well-formed: " + e.getOriginalMessage(), null)));
        }
        DocumentReader reader = new DocumentReader();
        SealedBids bids = read(reader.root(tree));
        if (reader.hasViolations() || bids == null) {
            List<Violation> violations = new ArrayList<>();
            reader.violations().forEach(v -> violations.add(new Violation(FILE + ":" + v.path(), v.rule(),
                    v.message(), v.value())));
            throw new InvalidScenarioException(directory, violations);
        }
        return bids;
    }

    private static SealedBids read(Fields f) {
        String schema = f.string("schema");
        if (schema != null && !schema.equals(SCHEMA)) {
            f.reject("schema", DocumentReader.UNKNOWN_VALUE, "schema must be " + SCHEMA, schema);
        }
        String directive = f.string("directive");
        List<StageBids> stages = f.list("stages", true, SealedBids::stage);
        return f.build(() -> new SealedBids(directive, stages));
    }

    private static StageBids stage(Fields f) {
        String stage = f.id("stage");
        List<DemandOffer> offers = f.list("offers", false,
                o -> {
                    String bidder = o.id("bidder");
                    var demand = o.counts("demand", 0, Integer.MAX_VALUE);
                    return o.build(() -> new DemandOffer(bidder, demand));
                });
        List<PackageOffer> packages = f.list("packages", false, SealedBids::packageOffer);
        return f.build(() -> new StageBids(stage, offers, packages));
    }

    private static PackageOffer packageOffer(Fields f) {
        String bidder = f.id("bidder");
        List<PackageBid> bids = f.list("bids", true, b -> {
            String id = b.id("id");
            var lots = b.counts("lots", 0, Integer.MAX_VALUE);
            var amount = b.money("amount");
            return b.build(() -> new PackageBid(id, lots, amount));
        });
        return f.build(() -> new PackageOffer(bidder, bids));
    }
}
