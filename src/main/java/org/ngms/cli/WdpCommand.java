package org.ngms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.CertifiedSolver;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;
import org.ngms.cli.bench.WdpComparison;
import org.ngms.optimiser.exact.PlainCpSat;
import org.ngms.optimiser.wdp.InstanceFamilies;
import org.ngms.optimiser.wdp.InstanceFamilies.Family;
import org.ngms.optimiser.wdp.SyntheticInstances;
import org.ngms.optimiser.wdp.WdpInstanceWriter;
import org.ngms.optimiser.wdp.WdpReader;
import org.ngms.optimiser.wdp.WdpResultWriter;
import org.ngms.shared.Violation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wdp solve}, {@code wdp bench}, {@code wdp compare} (the engine against a plain CP-SAT model) and
 * {@code wdp generate} (seeded larger instances): the winner-determination interchange of docs/formats/wdp.md.
 */
@Command(name = "wdp", mixinStandardHelpOptions = true,
        subcommands = {WdpCommand.Solve.class, WdpCommand.Bench.class, WdpCommand.Compare.class,
                WdpCommand.Generate.class},
        description = "Winner determination on wdp/1 instances, with a certificate of optimality.")
public final class WdpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static WinnerDetermination solver(boolean warmStart) {
        // OptaPlanner logs its phases at INFO; standard output carries the wdp-result/1 document
        if (org.slf4j.LoggerFactory.getLogger("org.optaplanner") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        return warmStart ? CertifiedSolver.withWarmStart() : CertifiedSolver.exactOnly();
    }

    @Command(name = "solve", mixinStandardHelpOptions = true,
            description = "Solves a wdp/1 instance and prints a wdp-result/1. Exit 2 for an invalid instance "
                    + "(the message names the element), 1 for an I/O error.")
    static final class Solve implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "the wdp/1 instance (JSON)")
        Path file;

        @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
                description = "wall-time limit of the solve (default ${DEFAULT-VALUE})")
        double timeLimit;

        @Option(names = "--seed", paramLabel = "HEX", defaultValue = "00",
                description = "tie-break seed in hexadecimal (default ${DEFAULT-VALUE})")
        String seed;

        @Option(names = "--warm-start", description = "start CP-SAT from an OptaPlanner allocation")
        boolean warmStart;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!(timeLimit > 0)) {
                err.println("--time-limit must be a positive number of seconds: " + timeLimit);
                return Cli.INVALID;
            }
            TieBreak tieBreak;
            try {
                tieBreak = TieBreak.ofHex(seed);
            } catch (IllegalArgumentException e) {
                err.println("--seed: " + e.getMessage());
                return Cli.INVALID;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            WdpReader.Result result = WdpReader.read(text);
            if (result instanceof WdpReader.Rejected rejected) {
                err.println(file + ": invalid wdp/1 instance, " + rejected.violations().size() + " error(s)");
                for (Violation v : rejected.violations()) {
                    err.println("  " + (v.path().isEmpty() ? "(document)" : v.path()) + ": " + v.rule() + ": "
                            + v.message());
                }
                return Cli.INVALID;
            }
            Instance instance = ((WdpReader.Read) result).instance();
            Allocation allocation = solver(warmStart).solve(instance, tieBreak,
                    Duration.ofNanos((long) (timeLimit * 1e9)));
            out.println(WdpResultWriter.write(allocation));
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Solves every wdp/1 instance (NAME.json beside NAME.ref.json) in a directory and prints "
                    + "value, reference value, match, proven and seconds per instance, then totals; optionally a "
                    + "seeded synthetic instance too.")
    static final class Bench implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "src/test/resources/wdp-samples",
                description = "directory of instances (default ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
                description = "wall-time limit per instance (default ${DEFAULT-VALUE})")
        double timeLimit;

        @Option(names = "--warm-start", description = "start CP-SAT from an OptaPlanner allocation")
        boolean warmStart;

        @Option(names = "--synthetic", paramLabel = "BIDS", defaultValue = "0",
                description = "also solve a seeded synthetic instance of about BIDS package bids over 60 categories")
        int synthetic;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> files;
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.filter(f -> f.getFileName().toString().endsWith(".json")
                        && !f.getFileName().toString().endsWith(".ref.json")).sorted().toList();
            } catch (IOException e) {
                err.println("cannot list " + dir + ": " + e.getMessage());
                return 1;
            }
            WinnerDetermination solver = solver(warmStart);
            Duration limit = Duration.ofNanos((long) (timeLimit * 1e9));
            out.println(String.format(Locale.ROOT, "%-26s %6s %14s %14s %6s %6s %9s", "instance", "bids", "value",
                    "reference", "match", "proven", "seconds"));
            int matched = 0;
            int proven = 0;
            double seconds = 0;
            JsonMapper json = JsonMapper.builder().build();
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                WdpReader.Result result;
                Long reference = null;
                try {
                    result = WdpReader.read(Files.readString(file, StandardCharsets.UTF_8));
                    Path ref = file.resolveSibling(name + ".ref.json");
                    if (Files.exists(ref)) {
                        JsonNode node = json.readTree(Files.readString(ref, StandardCharsets.UTF_8));
                        reference = node.get("value").longValue();
                    }
                } catch (IOException e) {
                    err.println("cannot read " + file + ": " + e.getMessage());
                    return 1;
                }
                if (result instanceof WdpReader.Rejected rejected) {
                    out.println(String.format(Locale.ROOT, "%-26s invalid: %s", name, rejected.firstMessage()));
                    continue;
                }
                Instance instance = ((WdpReader.Read) result).instance();
                Allocation a = solver.solve(instance, TieBreak.DEFAULT, limit);
                boolean match = reference != null && reference == a.value();
                matched += match ? 1 : 0;
                proven += a.provenOptimal() ? 1 : 0;
                seconds += a.seconds();
                out.println(String.format(Locale.ROOT, "%-26s %6d %14d %14s %6s %6s %9.3f", name,
                        instance.bidCount(), a.value(), reference == null ? "-" : reference.toString(),
                        match ? "yes" : "NO", a.provenOptimal() ? "yes" : "NO", a.seconds()));
                out.flush();
            }
            out.println(String.format(Locale.ROOT, "total: %d instances, %d match the reference, %d proven optimal,"
                    + " %.3f s", files.size(), matched, proven, seconds));
            if (synthetic > 0) {
                Instance instance = SyntheticInstances.generate(synthetic, 60, 1L);
                Allocation a = solver.solve(instance, TieBreak.DEFAULT, limit);
                out.println(String.format(Locale.ROOT, "%-26s %6d %14d %14s %6s %6s %9.3f  (bound %d)",
                        instance.name(), instance.bidCount(), a.value(), "-", "-",
                        a.provenOptimal() ? "yes" : "NO", a.seconds(), a.upperBound()));
            }
            return 0;
        }
    }

    /** Lists the instances of a directory: NAME.json, not NAME.ref.json, sorted by name. */
    static List<Path> instances(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().endsWith(".ref.json")).sorted().toList();
        }
    }

    /** Exit status of {@code wdp compare} when both models proved optimality on an instance and the values differ. */
    static final int VALUES_DIFFER = 3;

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Solves every wdp/1 instance of a directory with the engine (CP-SAT, then the seeded tie "
                    + "rule) and with a plain CP-SAT model (no tie rule), alternating which runs first, and prints "
                    + "per instance: bids, both values, both proofs, both wall times and the ratio engine/plain; then "
                    + "the median ratio (overall and per family) and the number of instances where both proved "
                    + "optimality and the values differ. Exit 0; 3 when any values differ; 2 for an invalid option "
                    + "or instance; 1 for an I/O error.")
    static final class Compare implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "src/test/resources/wdp-samples",
                description = "directory of instances (default ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
                description = "wall-time limit of each model on each instance (default ${DEFAULT-VALUE})")
        double timeLimit;

        @Option(names = "--workers", paramLabel = "N", defaultValue = "8",
                description = "CP-SAT workers of both models (default ${DEFAULT-VALUE}, the engine's)")
        int workers;

        @Option(names = "--json", description = "print the figures as one JSON document")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!(timeLimit > 0)) {
                err.println("--time-limit must be a positive number of seconds: " + timeLimit);
                return Cli.INVALID;
            }
            if (workers < 1) {
                err.println("--workers must be at least 1: " + workers);
                return Cli.INVALID;
            }
            List<Path> files;
            try {
                files = instances(dir);
            } catch (IOException e) {
                err.println("cannot list " + dir + ": " + e.getMessage());
                return 1;
            }
            solver(false); // quiets OptaPlanner's logger, as for the other commands
            WinnerDetermination engine = CertifiedSolver.exactOnly(workers);
            WinnerDetermination plain = new PlainCpSat(workers);
            com.google.ortools.Loader.loadNativeLibraries(); // not inside the first timed solve
            Duration limit = Duration.ofNanos((long) (timeLimit * 1e9));
            if (!json) {
                out.println(String.format(Locale.ROOT, "wdp compare: %d instances of %s; %d workers, time limit %s s "
                        + "per model, %d cores; engine first on even instances, plain first on odd", files.size(),
                        dir, workers, timeLimit, Runtime.getRuntime().availableProcessors()));
                out.println(WdpComparison.HEADER);
            }
            List<WdpComparison.Row> rows = new ArrayList<>();
            int invalid = 0;
            for (Path file : files) {
                WdpReader.Result result;
                try {
                    result = WdpReader.read(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.println("cannot read " + file + ": " + e.getMessage());
                    return 1;
                }
                if (result instanceof WdpReader.Rejected rejected) {
                    err.println(file + ": invalid wdp/1 instance: " + rejected.firstMessage());
                    invalid++;
                    continue;
                }
                WdpComparison.Row row = WdpComparison.run(rows.size(), ((WdpReader.Read) result).instance(), engine,
                        plain, limit);
                rows.add(row);
                if (!json) {
                    out.println(WdpComparison.line(row));
                    out.flush();
                }
            }
            WdpComparison.Summary summary = WdpComparison.summarise(rows);
            if (json) {
                WdpComparison.json(rows, summary, timeLimit, workers, out);
            } else {
                WdpComparison.footer(summary, rows.size(), out);
                out.flush();
            }
            return exitStatus(summary, invalid);
        }
    }

    static int exitStatus(WdpComparison.Summary summary, int invalid) {
        return summary.differ() > 0 ? VALUES_DIFFER : invalid > 0 ? Cli.INVALID : 0;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes COUNT seeded wdp/1 instances of a family (pk, multi-region, cats, stress) to DIR as "
                    + "FAMILY-bBIDS-sSEED.json, seeds SEED, SEED+1, ...; the same options give the same bytes. "
                    + "Exit 2 for an invalid option, 1 for an I/O error.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--family", required = true, paramLabel = "FAMILY",
                description = "pk, multi-region, cats or stress")
        String family;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "instances (default 1)")
        int count;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "first seed (default 1)")
        long seed;

        @Option(names = "--bids", paramLabel = "B", description = "about B bids per instance (default per family: "
                + "pk 2000, multi-region 1500, cats 2000, stress 5000)")
        Integer bids;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write (created)")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Family f;
            try {
                f = Family.of(family);
            } catch (IllegalArgumentException e) {
                err.println("--family: " + e.getMessage());
                return Cli.INVALID;
            }
            if (count < 1 || (bids != null && bids < 1)) {
                err.println("--count and --bids must be at least 1");
                return Cli.INVALID;
            }
            int size = bids == null ? f.defaultBids() : bids;
            try {
                Files.createDirectories(out);
                for (int i = 0; i < count; i++) {
                    Instance instance = InstanceFamilies.generate(f, size, seed + i);
                    Path file = out.resolve(instance.name() + ".json");
                    Files.writeString(file, WdpInstanceWriter.write(instance) + "\n", StandardCharsets.UTF_8);
                    stdout.println(String.format(Locale.ROOT, "%s  %d bidders, %d bids, %d categories, %d caps",
                            file, instance.bidders().size(), instance.bidCount(), instance.categories().size(),
                            instance.caps().size() + instance.bidders().stream().mapToInt(b -> b.caps().size())
                                    .sum()));
                }
            } catch (IOException e) {
                err.println("cannot write " + out + ": " + e.getMessage());
                return 1;
            }
            stdout.flush();
            return 0;
        }
    }
}
