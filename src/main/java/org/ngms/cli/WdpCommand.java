package org.ngms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.CertifiedSolver;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;
import org.ngms.optimiser.wdp.SyntheticInstances;
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

/** {@code wdp solve} and {@code wdp bench}: the winner-determination interchange of docs/formats/wdp.md. */
@Command(name = "wdp", mixinStandardHelpOptions = true,
        subcommands = {WdpCommand.Solve.class, WdpCommand.Bench.class},
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
}
