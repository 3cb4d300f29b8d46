package org.ngms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.ngms.NgmsApplication;
import org.ngms.directive.InvalidScenarioException;
import org.ngms.directive.RunnableFormats;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioLoader;
import org.ngms.shared.Violation;
import org.ngms.replay.ScenarioReplay;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay SCENARIO_DIR}: runs a scenario's scripted bids through the real stages on the service's database (the
 * embedded one unless a database is configured), prints what came out, and compares it with the scenario's published
 * outcome: exit 0 only when every published figure is reproduced. Regulators use it for mock auctions.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays a scenario (directive.yaml, bidders.yaml, sealed-bids.yaml, clock-bids.yaml, "
                + "assignment-bids.yaml) through the real stages, prints per stage its state and rounds, per bidder "
                + "its lots, frequencies and prices, the unsold lots and the revenue (whole units), and compares them "
                + "with outcome.yaml: exit 0 when every published figure is reproduced, 1 (listing the differences) "
                + "when one is not, 2 for a scenario that cannot be replayed.")
final class ReplayCommand implements Callable<Integer> {

    /** Exit status of a replay whose outcome differs from the scenario's published one. */
    static final int NOT_REPRODUCED = 1;

    @Parameters(paramLabel = "SCENARIO_DIR", description = "a scenario directory, e.g. scenarios/pk-ngms-2021")
    Path directory;

    @Option(names = "--json", description = "print the whole summary as JSON instead of the short one")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            // a missing or invalid scenario, or a stage format the service does not run, is said before any database
            // starts
            Scenario scenario = ScenarioLoader.load(directory);
            List<Violation> unsupported = RunnableFormats.unsupported(scenario.policy());
            if (!unsupported.isEmpty()) {
                throw new InvalidScenarioException(directory, unsupported);
            }
        } catch (InvalidScenarioException e) {
            err.println(e.getMessage());
            return Cli.INVALID;
        }
        Optional<Path> scratch = configuredDatabase(System.getenv(), System.getProperties()) ? Optional.empty()
                : Optional.of(Files.createTempDirectory("ngms-replay-"));
        List<String> properties = new ArrayList<>(List.of("ngms.stages.scheduler=false", "logging.level.root=ERROR"));
        scratch.ifPresent(dir -> properties.add("ngms.embedded-db.data-dir=" + dir.resolve("postgres")));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NgmsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the summary is standard output: the log (also on standard output) only speaks of errors
                .properties(properties.toArray(String[]::new))
                .run()) {
            var summary = new ScenarioReplay(context).run(directory);
            out.println(json ? JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(summary) : String.join(System.lineSeparator(), humanSummary(summary)));
            return exitCode(summary, err);
        } catch (InvalidScenarioException e) {
            err.println(e.getMessage());
            return Cli.INVALID;
        } finally {
            if (scratch.isPresent()) {
                deleteRecursively(scratch.get());
            }
        }
    }

    /**
     * Whether a database is configured (an R2DBC URL, DB_HOST or PGHOST): then the replay runs on it, as the service
     * would. Otherwise it runs on a fresh embedded PostgreSQL in a temporary directory, removed afterwards, so that it
     * never touches (nor waits for the lock of) the service's own embedded database.
     */
    static boolean configuredDatabase(Map<String, String> env, java.util.Properties system) {
        return nonBlank(system.getProperty("spring.r2dbc.url")) || nonBlank(env.get("SPRING_R2DBC_URL"))
                || nonBlank(env.get("DB_HOST")) || nonBlank(env.get("PGHOST"));
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** 0 when the replay reproduced every published figure; else {@link #NOT_REPRODUCED}, each difference on err. */
    static int exitCode(JsonNode summary, PrintWriter err) {
        if (summary.path("matchesPublished").asBoolean(false)) {
            return 0;
        }
        err.println("the replay does not reproduce the published outcome (outcome.yaml):");
        summary.path("mismatches").forEach(m -> err.println("  " + m.asString()));
        return NOT_REPRODUCED;
    }

    /** The short summary: stages, winners with their prices and frequencies, unsold, revenue, the verdict. */
    static List<String> humanSummary(JsonNode s) {
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.ROOT);
        money.setGroupingUsed(true);
        List<String> lines = new ArrayList<>();
        lines.add(s.path("directive").asString() + " (scenario " + s.path("scenario").asString() + "), auction "
                + s.path("auction").asString());
        for (JsonNode stage : s.path("stages")) {
            lines.add("stage " + stage.path("stage").asString() + " (" + stage.path("type").asString() + "): "
                    + stage.path("state").asString()
                    + (stage.has("rounds") ? ", " + stage.get("rounds").size() + " round(s)" : ""));
        }
        s.path("bidders").properties().forEach(e -> {
            JsonNode w = e.getValue();
            List<String> lots = new ArrayList<>();
            w.path("lots").properties().forEach(l -> lots.add(l.getValue().asInt() + " × " + l.getKey()));
            String price = w.has("assignmentPrice")
                    ? money.format(w.get("allocationPrice").asLong()) + " + assignment "
                    + money.format(w.get("assignmentPrice").asLong()) + " = " + money.format(w.path("price").asLong())
                    : money.format(w.path("price").asLong());
            List<String> frequencies = new ArrayList<>();
            w.path("frequencies").forEach(f -> frequencies.add(f.path("category").asString() + " "
                    + (f.has("range") ? f.get("range").asString() : f.path("downlink").asString() + " / "
                    + f.path("uplink").asString())));
            lines.add(e.getKey() + ": " + String.join(", ", lots) + "; pays " + price
                    + (frequencies.isEmpty() ? "" : "; frequencies " + String.join(", ", frequencies)));
        });
        List<String> unsold = new ArrayList<>();
        s.path("unsold").properties().forEach(u -> unsold.add(u.getValue().asInt() + " × " + u.getKey()));
        lines.add("unsold: " + (unsold.isEmpty() ? "none" : String.join(", ", unsold)));
        lines.add("revenue: " + money.format(s.path("revenue").asLong())
                + (s.has("assignmentRevenue") ? " (allocation " + money.format(s.get("allocationRevenue").asLong())
                + " + assignment " + money.format(s.get("assignmentRevenue").asLong()) + ")" : ""));
        lines.add(s.path("matchesPublished").asBoolean(false) ? "matches the published outcome (outcome.yaml)"
                : "DOES NOT match the published outcome (outcome.yaml): " + s.path("mismatches").size()
                + " difference(s)");
        return lines;
    }
}
