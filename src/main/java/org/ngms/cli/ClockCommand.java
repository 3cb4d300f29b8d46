package org.ngms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.bench.ClockBenchmark;
import org.ngms.auction.clock.replay.ClockReplay;
import org.ngms.directive.InvalidScenarioException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clock bench} and {@code clock replay}: the ascending clock engine of docs/formats/clock.md, offline. */
@Command(name = "clock", mixinStandardHelpOptions = true,
        subcommands = {ClockCommand.Bench.class, ClockCommand.Replay.class},
        description = "Ascending clock auction engine: benchmark and scenario replay.")
public final class ClockCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Processes a synthetic auction of FCC Auction 107's size (406 areas, 57 bidders, about "
                    + "25,000 bid records a round) in memory and prints milliseconds per round and for the run, "
                    + "with the naive reference processor timed on a smaller round as a ratio.")
    static final class Bench implements Callable<Integer> {

        @Option(names = "--seed", defaultValue = "107", description = "seed of the synthetic auction and its bids")
        long seed;

        @Option(names = "--rounds", defaultValue = "97", description = "rounds to run at most (default 97)")
        int rounds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ClockBenchmark.Figures f = ClockBenchmark.run(seed, rounds);
            out.printf(Locale.ROOT, "clock bench: %d products, %d bidders, %d rounds%s, %,d bid records (%,d a "
                            + "round)%n", f.products(), f.bidders(), f.rounds(), f.ended() ? " (stage ended)" : "",
                    f.bidRecords(), f.bidRecords() / Math.max(1, f.rounds()));
            out.printf(Locale.ROOT, "  per round: mean %.1f ms, max %.1f ms; whole run %.0f ms%n",
                    f.meanRoundMillis(), f.maxRoundMillis(), f.totalMillis());
            out.printf(Locale.ROOT, "  reference on a %d-bid round: %.1f ms against %.1f ms fast (x%.1f)%n",
                    f.referenceBids(), f.referenceSmallMillis(), f.fastSmallMillis(),
                    f.referenceSmallMillis() / Math.max(0.001, f.fastSmallMillis()));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replays SCENARIO_DIR/clock-bids.yaml through the clock stage and prints every round "
                    + "(per product: start-of-round, clock and posted price, aggregate and excess demand) and the "
                    + "outcome.")
    static final class Replay implements Callable<Integer> {

        @Parameters(paramLabel = "SCENARIO_DIR", description = "a scenario directory with clock-bids.yaml")
        Path directory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ClockReplay.Result result;
            try {
                result = ClockReplay.run(directory);
            } catch (InvalidScenarioException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return Cli.INVALID;
            } catch (java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            for (ClockRound r : result.rounds()) {
                out.println("round " + r.number());
                for (ClockRound.ProductRound p : r.products()) {
                    out.printf(Locale.ROOT, "  %-8s SOR %,14d  CP %,14d  PP %,14d  demand %4d / %4d  excess %4d%n",
                            p.product(), p.startOfRound(), p.clockPrice(), p.postedPrice(), p.aggregateDemand(),
                            p.supply(), p.excessDemand());
                }
                r.exclusions().forEach(e -> out.println("  excluded " + e.bidder() + ": " + e.message()));
                r.rejections().forEach(e -> out.println("  rejected " + e.bidder() + " " + e.product() + ": "
                        + e.reason() + " " + e.message()));
            }
            if (result.outcome().isEmpty()) {
                out.println("the script ends before the stage does");
                return 0;
            }
            ClockOutcome o = result.outcome().get();
            out.println("outcome after " + o.rounds() + " rounds");
            for (ClockOutcome.Award a : o.awards()) {
                out.printf(Locale.ROOT, "  %-8s %s  total %,d%n", a.bidder(), a.lots(), a.total());
            }
            out.printf(Locale.ROOT, "  unsold %s; revenue %,d; sold %s of %s MHz%s%n", o.unsold(), o.revenue(),
                    new org.ngms.shared.Mhz(o.soldKhz()), new org.ngms.shared.Mhz(o.offeredKhz()),
                    o.success().map(s -> "; success criterion (" + s.required() + "%) "
                            + (s.met() ? "met" : "NOT met")).orElse(""));
            return 0;
        }
    }
}
