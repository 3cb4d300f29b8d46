package org.ngms.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.ngms.auction.assignment.bench.AssignmentBenchmark;
import org.ngms.auction.assignment.bench.AssignmentWorkloads;
import org.ngms.auction.smra.bench.SmraBenchmark;
import org.ngms.cli.bench.AssignmentReport;
import org.ngms.cli.bench.IntakeBenchmark;
import org.ngms.cli.bench.IntakeReport;
import org.ngms.cli.bench.SmraReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench intake}: the real service's intake of clock bids, over HTTP on a real PostgreSQL (issue 9);
 * {@code bench assignment}: the sealed frequency-assignment round in memory; {@code bench smra}: SMRA rounds in
 * memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Intake.class, BenchCommand.Assignment.class, BenchCommand.Smra.class},
        description = "Benchmarks: the running service's bid intake, and the sealed assignment round and SMRA rounds in "
                + "memory.")
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "intake", mixinStandardHelpOptions = true,
            description = "Starts the service on a database of its own (a fresh database on the configured server "
                    + "if DB_HOST or PGHOST is set, else an embedded PostgreSQL in a temporary directory), sets up "
                    + "an FCC-107-sized clock auction through the API, and measures accepted bid submissions per "
                    + "second and their p50/p99 latency at round 1 and after --rounds processed rounds, for --bidders "
                    + "and --many-bidders concurrent clients, next to PostgreSQL's own single-row insert rate, and "
                    + "the time to close a round. Prints the figures with the targets (PASS/MISS). Exit 0 when the "
                    + "run completed and every 201 is in the transcript, 1 otherwise.")
    static final class Intake implements Callable<Integer> {

        @Option(names = "--areas", description = "licence areas (default 406, FCC Auction 107)")
        Integer areas;

        @Option(names = "--bidders", description = "bidders bidding in every round (default 57)")
        Integer bidders;

        @Option(names = "--many-bidders", description = "bidders for the many-clients figure (default 200)")
        Integer manyBidders;

        @Option(names = "--rounds", description = "rounds processed before the second measurement (default 60)")
        Integer rounds;

        @Option(names = "--duration", description = "seconds each measurement lasts (default 10)")
        Double duration;

        @Option(names = "--warmup", description = "seconds of submissions before each measurement (default 3)")
        Double warmup;

        @Option(names = "--seed", description = "seed of the directive's reserves and of the bidders (default 107)")
        Long seed;

        @Option(names = "--quick", description = "a small run for a test: 20 areas, 5 bidders (8 many), 3 rounds, "
                + "1.5 s measurements; the other options still override it")
        boolean quick;

        @Option(names = "--pace", description = "also measure each bidder submitting once every this many seconds "
                + "(open loop: a fixed offered load, as on auction day), for each client count at both rounds; 0: "
                + "not (default: 2, --quick: 0.5)")
        Double pace;

        @Option(names = "--json", description = "print the figures as JSON instead of a table")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            IntakeBenchmark.Options d = quick ? IntakeBenchmark.Options.quick() : IntakeBenchmark.Options.full();
            IntakeBenchmark.Options options = new IntakeBenchmark.Options(
                    areas != null ? areas : d.areas(), bidders != null ? bidders : d.bidders(),
                    manyBidders != null ? manyBidders : d.manyBidders(), rounds != null ? rounds : d.rounds(),
                    duration != null ? duration : d.durationSeconds(), warmup != null ? warmup : d.warmupSeconds(),
                    seed != null ? seed : d.seed(), pace != null ? pace : d.paceSeconds());
            if (options.areas() < 1 || options.areas() > 999 || options.bidders() < 1 || options.rounds() < 0
                    || options.durationSeconds() <= 0 || options.warmupSeconds() < 0 || options.paceSeconds() < 0) {
                err.println("bench intake: --areas 1-999, --bidders >= 1, --rounds >= 0, --duration > 0, "
                        + "--warmup >= 0, --pace >= 0");
                return Cli.INVALID;
            }
            IntakeBenchmark.Figures figures;
            try {
                figures = new IntakeBenchmark(options, err).run();
            } catch (Exception e) {
                err.println("bench intake failed: " + e);
                e.printStackTrace(err);
                err.flush();
                return 1;
            }
            if (json) {
                IntakeReport.json(figures, out);
            } else {
                IntakeReport.table(figures, out);
            }
            return IntakeReport.consistent(figures) ? 0 : 1;
        }
    }

    @Command(name = "assignment", mixinStandardHelpOptions = true,
            description = "Times the sealed frequency-assignment round market by market, in memory (no database, "
                    + "no Spring): enumerating the options, solving (OptaPlanner, certified by the exhaustive "
                    + "search) and pricing (the core point nearest VCG), with the exhaustive search alone as the "
                    + "reference, on seeded markets of Pakistan 2026's size (2600 and 3500 MHz) and on an "
                    + "FCC-107-like set (406 areas x 3 categories). Exit 0 when every market is proven optimal and "
                    + "priced, 1 otherwise (the markets are named).")
    static final class Assignment implements Callable<Integer> {

        @Option(names = "--workload", defaultValue = "all", paramLabel = "2026|fcc|all",
                description = "the markets to run (default ${DEFAULT-VALUE})")
        String workload;

        @Option(names = "--seed", defaultValue = "2026",
                description = "seed of the markets, bids and tie seeds (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--markets", description = "run only the first N FCC-107-like markets (default all "
                + AssignmentWorkloads.FCC_MARKETS + ")")
        Integer markets;

        @Option(names = "--verbose", description = "also print a line per FCC-107-like market")
        boolean verbose;

        @Option(names = "--json", description = "print the figures as JSON instead of a table")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<AssignmentBenchmark.Workload> workloads = switch (workload) {
                case "2026" -> List.of(AssignmentBenchmark.Workload.PAKISTAN_2026);
                case "fcc" -> List.of(AssignmentBenchmark.Workload.FCC_107);
                case "all" -> List.of(AssignmentBenchmark.Workload.PAKISTAN_2026,
                        AssignmentBenchmark.Workload.FCC_107);
                default -> null;
            };
            int fccMarkets = markets != null ? markets : AssignmentWorkloads.FCC_MARKETS;
            if (workloads == null || fccMarkets < 1 || fccMarkets > AssignmentWorkloads.FCC_MARKETS) {
                err.println("bench assignment: --workload 2026, fcc or all; --markets 1-"
                        + AssignmentWorkloads.FCC_MARKETS);
                return Cli.INVALID;
            }
            // standard output carries the figures (or the JSON): OptaPlanner logs every solve at INFO, and ojAlgo
            // (the core's quadratic step) prints a note on its hardware profiles when it first loads unless told not to
            if (org.slf4j.LoggerFactory.getLogger("org.optaplanner") instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            System.setProperty("shut.up.ojAlgo", "true");
            AssignmentBenchmark.Figures figures = AssignmentBenchmark.run(
                    new AssignmentBenchmark.Options(workloads, seed, fccMarkets));
            if (json) {
                AssignmentReport.json(figures, verbose, out);
            } else {
                AssignmentReport.table(figures, verbose, out);
            }
            return figures.problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "smra", mixinStandardHelpOptions = true,
            description = "Runs seeded synthetic SMRA auctions in memory (no database, no Spring) with deterministic "
                    + "bidding agents until each stage ends, and prints the engine's milliseconds per round (mean, "
                    + "median, p95, max) and for the whole run: India-2022 scale (220 licences, 4 bidders) and FCC "
                    + "scale (1,000 licences, 100 bidders), with the reference processor on the first India rounds "
                    + "as a ratio. Target: p95 of an FCC-scale round within 100 ms (PASS/MISS, not a failure). "
                    + "Exit 0, or 1 when a stage did not end within --rounds or the reference gave other bytes.")
    static final class Smra implements Callable<Integer> {

        @Option(names = "--workload", defaultValue = "all", paramLabel = "india|fcc|all",
                description = "the auctions to run (default ${DEFAULT-VALUE})")
        String workload;

        @Option(names = "--seed", defaultValue = "2022",
                description = "seed of the licences, bidders, values and tie seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--rounds", defaultValue = "" + SmraBenchmark.DEFAULT_ROUND_CAP,
                description = "the most rounds a stage may take (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--quick", description = "small shapes for a test: India's 4 areas x 3 bands, the FCC's "
                + "30 licences and 8 bidders")
        boolean quick;

        @Option(names = "--json", description = "print the figures as JSON instead of a table")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<SmraBenchmark.Workload> workloads = switch (workload) {
                case "india" -> List.of(SmraBenchmark.Workload.INDIA);
                case "fcc" -> List.of(SmraBenchmark.Workload.FCC);
                case "all" -> List.of(SmraBenchmark.Workload.INDIA, SmraBenchmark.Workload.FCC);
                default -> null;
            };
            if (workloads == null || rounds < 1) {
                err.println("bench smra: --workload india, fcc or all; --rounds >= 1");
                return Cli.INVALID;
            }
            SmraBenchmark.Figures figures = SmraBenchmark.run(new SmraBenchmark.Options(workloads, seed, rounds,
                    quick));
            if (json) {
                SmraReport.json(figures, out);
            } else {
                SmraReport.table(figures, out);
            }
            return figures.problems().isEmpty() ? 0 : 1;
        }
    }
}
