package org.ngms.directive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ngms.shared.DocumentReader;
import org.ngms.shared.DocumentReader.Fields;
import org.ngms.shared.Money;
import org.ngms.shared.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Loads a scenario directory: {@code directive.yaml} (a policy directive), {@code bidders.yaml}
 * ({@value #BIDDERS_SCHEMA}) and {@code outcome.yaml} ({@value ScenarioOutcome#SCHEMA}). Every file is read in
 * full and then checked against the others, so a broken scenario reports all its violations at once, each with its
 * path prefixed by the file ({@code outcome.yaml:awards[0].lots.2600}).
 */
public final class ScenarioLoader {

    public static final String BIDDERS_SCHEMA = "ngms-bidders/1";

    public static final String DIRECTIVE_FILE = "directive.yaml";
    public static final String BIDDERS_FILE = "bidders.yaml";
    public static final String OUTCOME_FILE = "outcome.yaml";

    /** A scenario file names another directive than the scenario's own. */
    public static final String DIRECTIVE_MISMATCH = "DIRECTIVE_MISMATCH";
    /** A bidder asks for, or is awarded, more blocks of a category than the directive offers. */
    public static final String EXCEEDS_SUPPLY = "EXCEEDS_SUPPLY";
    /** The blocks awarded and left unsold in a category do not add up to the blocks offered. */
    public static final String BLOCKS_UNACCOUNTED = "BLOCKS_UNACCOUNTED";
    /** An award's price is below the reserve value of the blocks it awards. */
    public static final String PRICE_BELOW_RESERVE = "PRICE_BELOW_RESERVE";
    /** The revenue is not the sum of the award prices. */
    public static final String REVENUE_MISMATCH = "REVENUE_MISMATCH";
    /** A required file of the scenario is missing or unreadable. */
    public static final String MISSING_FILE = "MISSING_FILE";

    private ScenarioLoader() {
    }

    private record BiddersFile(String directive, List<ScenarioBidder> bidders) {
    }

    /**
     * The scenario in {@code directory}.
     *
     * @throws InvalidScenarioException listing every violation, when a file is missing, broken, or disagrees with
     *                                  the others
     */
    public static Scenario load(Path directory) {
        List<Violation> violations = new ArrayList<>();
        DirectiveDocument directive = directive(directory, violations);
        BiddersFile bidders = read(directory, BIDDERS_FILE, violations, ScenarioLoader::bidders);
        ScenarioOutcome outcome = read(directory, OUTCOME_FILE, violations, ScenarioLoader::outcome);
        if (directive != null) {
            PolicyDirective d = directive.directive();
            if (bidders != null) {
                new CrossCheck(d, violations).bidders(bidders);
            }
            if (outcome != null) {
                new CrossCheck(d, violations).outcome(outcome, bidders == null ? null : bidders.bidders());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidScenarioException(directory, violations);
        }
        return new Scenario(directory.getFileName().toString(), directive, bidders.bidders(), outcome);
    }

    // --- reading

    private static Optional<String> text(Path directory, String file, List<Violation> violations) {
        try {
            return Optional.of(Files.readString(directory.resolve(file)));
        } catch (NoSuchFileException e) {
            violations.add(Violation.of(file, MISSING_FILE, "the scenario has no " + file, null));
        } catch (IOException e) {
            violations.add(Violation.of(file, MISSING_FILE, file + " cannot be read: " + e.getMessage(), null));
        }
        return Optional.empty();
    }

    private static DirectiveDocument directive(Path directory, List<Violation> violations) {
        Optional<String> text = text(directory, DIRECTIVE_FILE, violations);
        if (text.isEmpty()) {
            return null;
        }
        DirectiveParser.Result result = DirectiveParser.parse(text.get(), DirectiveParser.Format.YAML);
        if (result instanceof DirectiveParser.Invalid invalid) {
            invalid.violations().forEach(v -> violations.add(in(DIRECTIVE_FILE, v)));
            return null;
        }
        return ((DirectiveParser.Valid) result).document();
    }

    private interface FileReader<T> {
        T read(DocumentReader reader, JsonNode tree);
    }

    private static <T> T read(Path directory, String file, List<Violation> violations, FileReader<T> binder) {
        Optional<String> text = text(directory, file, violations);
        if (text.isEmpty()) {
            return null;
        }
        JsonNode tree;
        try {
            tree = DirectiveParser.yaml().readTree(text.get());
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            violations.add(Violation.of(file, DirectiveParser.SYNTAX,
                    "the text is not well-formed" + where + ": " + e.getOriginalMessage(), null));
            return null;
        }
        DocumentReader reader = new DocumentReader();
        T value = binder.read(reader, tree);
        reader.violations().forEach(v -> violations.add(in(file, v)));
        return reader.hasViolations() ? null : value;
    }

    /** The violation with its path prefixed by the file it is in. */
    private static Violation in(String file, Violation v) {
        String path = v.path().isEmpty() ? file : file + ":" + v.path();
        return new Violation(path, v.rule(), v.message(), v.value());
    }

    private static void schema(Fields f, String expected) {
        String schema = f.string("schema");
        if (schema != null && !schema.equals(expected)) {
            f.reject("schema", DocumentReader.UNKNOWN_VALUE, "schema must be " + expected, schema);
        }
    }

    private static BiddersFile bidders(DocumentReader reader, JsonNode tree) {
        Fields f = reader.root(tree);
        schema(f, BIDDERS_SCHEMA);
        String directive = f.id("directive");
        List<ScenarioBidder> bidders = f.list("bidders", true, b -> {
            String id = b.id("id");
            String organisation = b.string("organisation");
            Boolean newEntrant = b.bool("newEntrant", false);
            Money deposit = b.positiveMoney("deposit");
            Map<String, Integer> demand = b.counts("requestedDemand", 1, 10_000);
            return b.build(() -> new ScenarioBidder(id, organisation, newEntrant, deposit, demand));
        });
        return f.build(() -> new BiddersFile(directive, bidders));
    }

    private static ScenarioOutcome outcome(DocumentReader reader, JsonNode tree) {
        Fields f = reader.root(tree);
        schema(f, ScenarioOutcome.SCHEMA);
        String directive = f.id("directive");
        List<ScenarioOutcome.Award> awards = f.list("awards", false, a -> {
            String bidder = a.id("bidder");
            int before = reader.violations().size();
            Map<String, Integer> lots = a.counts("lots", 1, 10_000);
            if (lots.isEmpty() && reader.violations().size() == before) {
                a.reject("lots", DocumentReader.REQUIRED, "an award names the blocks won per lot category", null);
            }
            Money price = a.positiveMoney("price");
            return a.build(() -> new ScenarioOutcome.Award(bidder, lots, price));
        });
        Map<String, Integer> unsold = f.counts("unsold", 1, 10_000);
        Money revenue = f.money("revenue");
        Optional<Money> reported = f.optionalPositiveMoney("reportedRevenue");
        Map<String, Integer> rounds = f.counts("rounds", 1, 100_000);
        List<String> notes = f.texts("notes");
        Optional<ScenarioOutcome.Assignment> assignment = f.optionalObject("assignment", a -> {
            String stage = a.id("stage");
            Money assignmentRevenue = a.money("revenue");
            Money within = a.money("revenueWithin");
            List<ScenarioOutcome.Price> prices = a.list("prices", false, p -> {
                String bidder = p.id("bidder");
                Money price = p.money("price");
                Money priceWithin = p.money("within");
                return p.build(() -> new ScenarioOutcome.Price(bidder, price, priceWithin));
            });
            List<ScenarioOutcome.Holding> holdings = a.list("holdings", false, h -> {
                String bidder = h.id("bidder");
                String band = h.id("band");
                var mhz = h.mhz("mhz");
                return h.build(() -> new ScenarioOutcome.Holding(bidder, band, mhz));
            });
            return a.build(() -> new ScenarioOutcome.Assignment(stage, assignmentRevenue, within, prices, holdings));
        });
        return f.build(() -> new ScenarioOutcome(directive, awards, unsold, revenue, reported, rounds, notes,
                assignment));
    }

    // --- checks across the files

    /** The rules that tie a scenario's bidders and outcome to its directive, each adding violations. */
    private static final class CrossCheck {
        private final PolicyDirective d;
        private final List<Violation> violations;

        CrossCheck(PolicyDirective directive, List<Violation> violations) {
            this.d = directive;
            this.violations = violations;
        }

        private void reject(String path, String rule, String message, Object value) {
            violations.add(Violation.of(path, rule, message, value));
        }

        /** Bidders name the scenario's directive, are listed once, and ask only for categories and blocks on offer. */
        void bidders(BiddersFile file) {
            namesTheDirective(BIDDERS_FILE, file.directive());
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < file.bidders().size(); i++) {
                ScenarioBidder b = file.bidders().get(i);
                String at = BIDDERS_FILE + ":bidders[" + i + "]";
                if (!ids.add(b.id())) {
                    reject(at + ".id", DirectiveRules.DUPLICATE_ID, "bidder " + b.id() + " is listed twice", b.id());
                }
                withinSupply(at + ".requestedDemand", b.requestedDemand(), "asks for");
            }
        }

        /**
         * The outcome names the scenario's directive; awards go to listed bidders, once each, within supply and at
         * least at reserve; every block is either awarded or unsold; the revenue is the sum of the prices; rounds are
         * counted for stages of the directive.
         */
        void outcome(ScenarioOutcome outcome, List<ScenarioBidder> bidders) {
            namesTheDirective(OUTCOME_FILE, outcome.directive());
            Set<String> winners = new HashSet<>();
            Money total = Money.ZERO;
            for (int i = 0; i < outcome.awards().size(); i++) {
                ScenarioOutcome.Award award = outcome.awards().get(i);
                String at = OUTCOME_FILE + ":awards[" + i + "]";
                if (bidders != null && bidders.stream().noneMatch(b -> b.id().equals(award.bidder()))) {
                    reject(at + ".bidder", DirectiveRules.UNKNOWN_REFERENCE,
                            "no bidder " + award.bidder() + " in " + BIDDERS_FILE, award.bidder());
                }
                if (!winners.add(award.bidder())) {
                    reject(at + ".bidder", DirectiveRules.DUPLICATE_ID,
                            "bidder " + award.bidder() + " has two awards; list all its lots in one", award.bidder());
                }
                if (withinSupply(at + ".lots", award.lots(), "awards")) {
                    Money reserve = reserveValue(award.lots());
                    if (award.price().compareTo(reserve) < 0) {
                        reject(at + ".price", PRICE_BELOW_RESERVE,
                                "the price is below the " + reserve + " reserve of the lots awarded",
                                award.price().amount());
                    }
                }
                total = total.plus(award.price());
            }
            Map<String, Integer> unsold = outcome.unsold();
            unsold.keySet().stream().filter(c -> d.lotCategory(c).isEmpty()).forEach(c -> reject(
                    OUTCOME_FILE + ":unsold." + c, DirectiveRules.UNKNOWN_REFERENCE, "no lot category " + c, c));
            for (LotCategory category : d.lotCategories()) {
                int awarded = outcome.awarded(category.id());
                int left = unsold.getOrDefault(category.id(), 0);
                if (awarded + left != category.blocks()) {
                    reject(OUTCOME_FILE + ":unsold." + category.id(), BLOCKS_UNACCOUNTED,
                            awarded + " blocks awarded and " + left + " unsold, but category " + category.id()
                                    + " offers " + category.blocks(), left);
                }
            }
            if (!total.equals(outcome.revenue())) {
                reject(OUTCOME_FILE + ":revenue", REVENUE_MISMATCH,
                        "revenue must be the sum of the award prices, " + total, outcome.revenue().amount());
            }
            outcome.rounds().keySet().stream().filter(s -> d.stage(s).isEmpty()).forEach(s -> reject(
                    OUTCOME_FILE + ":rounds." + s, DirectiveRules.UNKNOWN_REFERENCE, "no stage " + s, s));
        }

        private void namesTheDirective(String file, String directive) {
            if (!directive.equals(d.id())) {
                reject(file + ":directive", DIRECTIVE_MISMATCH,
                        file + " belongs to directive " + directive + ", not " + d.id(), directive);
            }
        }

        /** Every category exists and no count exceeds its blocks; true when all of them do. */
        private boolean withinSupply(String at, Map<String, Integer> counts, String verb) {
            boolean ok = true;
            for (var entry : counts.entrySet()) {
                Optional<LotCategory> category = d.lotCategory(entry.getKey());
                if (category.isEmpty()) {
                    reject(at + "." + entry.getKey(), DirectiveRules.UNKNOWN_REFERENCE,
                            "no lot category " + entry.getKey() + " in the directive", entry.getKey());
                    ok = false;
                } else if (entry.getValue() > category.get().blocks()) {
                    reject(at + "." + entry.getKey(), EXCEEDS_SUPPLY, verb + " " + entry.getValue() + " blocks of "
                            + entry.getKey() + ", which offers " + category.get().blocks(), entry.getValue());
                    ok = false;
                }
            }
            return ok;
        }

        private Money reserveValue(Map<String, Integer> lots) {
            Money reserve = Money.ZERO;
            for (var entry : lots.entrySet()) {
                reserve = reserve.plus(d.lotCategory(entry.getKey()).orElseThrow().reservePerBlock()
                        .times(entry.getValue()));
            }
            return reserve;
        }
    }
}
