package org.ngms.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.ngms.cli.bench.IntakeBenchmark;
import org.ngms.cli.bench.IntakeReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench intake}: the real service's intake of clock bids, over HTTP on a real PostgreSQL (issue 9). */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Intake.class,
        description = "Benchmarks of the running service.")
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
}
