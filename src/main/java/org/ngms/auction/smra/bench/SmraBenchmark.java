package org.ngms.auction.smra.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.auction.smra.IncrementalSmraProcessor;
import org.ngms.auction.smra.ReferenceSmraProcessor;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraProcessor;
import org.ngms.auction.smra.SmraRound;
import org.ngms.auction.smra.SmraRoundJson;
import org.ngms.auction.smra.SmraStage;

/**
 * Synthetic SMRA auctions ({@link SmraWorkloads}) bid by {@link SmraAgents} until the stage ends, in memory, on one
 * thread, with no Spring context. A round's time is the engine's: {@link SmraStage#open} and {@link SmraStage#close}
 * (screening every action set, the processor, the next stage), timed with {@link System#nanoTime}; the agents'
 * deciding is timed apart. The production processor runs first, after one unmeasured warm-up auction; then, on the
 * India-scale auction only, the {@link ReferenceSmraProcessor} runs its first {@link #REFERENCE_ROUNDS} rounds with
 * the same agents, and must give the same bytes round by round.
 */
public final class SmraBenchmark {

    /** Target at FCC scale: the 95th percentile of a round's time within 100 ms. */
    public static final double ROUND_TARGET_MILLIS = 100;
    public static final int DEFAULT_ROUND_CAP = 300;
    /** The reference replays every closed round to find the state, so it runs only the first rounds. */
    public static final int REFERENCE_ROUNDS = 20;

    public enum Workload {
        INDIA("india", "India-2022 scale: 22 licence areas x 10 bands, 4 bidders, fixed 3 % increment",
                SmraWorkloads.INDIA, SmraWorkloads.INDIA_QUICK),
        FCC("fcc", "FCC scale: 1,000 licences (100 areas x 10 bands), 100 bidders, the FCC's activity-based "
                + "increment", SmraWorkloads.FCC, SmraWorkloads.FCC_QUICK);

        private final String key;
        private final String description;
        private final SmraWorkloads.Shape shape;
        private final SmraWorkloads.Shape quick;

        Workload(String key, String description, SmraWorkloads.Shape shape, SmraWorkloads.Shape quick) {
            this.key = key;
            this.description = description;
            this.shape = shape;
            this.quick = quick;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }

        public SmraWorkloads.Shape shape(boolean quickRun) {
            return quickRun ? quick : shape;
        }
    }

    /** What to run: the workloads in order, the seed, the most rounds a run may take, and the small shapes. */
    public record Options(List<Workload> workloads, long seed, int roundCap, boolean quick) {
        public Options {
            workloads = List.copyOf(workloads);
            if (roundCap < 1) {
                throw new IllegalArgumentException("roundCap must be at least 1, got " + roundCap);
            }
        }
    }

    /** Milliseconds over rounds: the sum, the mean, the median and 95th percentile (nearest rank), the max. */
    public record Timing(int rounds, double totalMillis, double meanMillis, double medianMillis, double p95Millis,
                         double maxMillis) {

        static Timing of(List<Double> millis) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Timing(0, 0, 0, 0, 0, 0);
            }
            double total = Arrays.stream(sorted).sum();
            return new Timing(sorted.length, total, total / sorted.length, rank(sorted, 0.5), rank(sorted, 0.95),
                    sorted[sorted.length - 1]);
        }

        private static double rank(double[] sorted, double p) {
            return sorted[(int) Math.ceil(p * sorted.length) - 1];
        }
    }

    /**
     * One auction run to its end or the cap: its size, whether the stage ended, the accepted bids, proactive waivers
     * and rejected actions, the revenue of the standing high bids, the engine's time per round and the agents' in
     * total.
     */
    public record Run(int licences, int bidders, int rounds, boolean ended, long bids, long waivers, long rejections,
                      long revenue, List<Double> roundMillis, double agentMillis, List<SmraRound> closed) {
        public Run {
            roundMillis = List.copyOf(roundMillis);
            closed = List.copyOf(closed);
        }

        public Timing timing() {
            return Timing.of(roundMillis);
        }

        /** The engine's time over the first {@code n} rounds. */
        public Timing first(int n) {
            return Timing.of(roundMillis.subList(0, Math.min(n, roundMillis.size())));
        }
    }

    /** The reference on the first rounds, next to the production processor on the same rounds. */
    public record Reference(Timing reference, Timing production, boolean sameBytes) {
        /** Production over reference, mean round against mean round. */
        public double ratio() {
            return production.meanMillis() / Math.max(0.000_001, reference.meanMillis());
        }
    }

    public record WorkloadFigures(Workload workload, Run production, Optional<Reference> reference) {
        public WorkloadFigures {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(production, "production");
            Objects.requireNonNull(reference, "reference");
        }

        /** PASS or MISS, at FCC scale only: the 95th percentile of a round within {@link #ROUND_TARGET_MILLIS}. */
        public Optional<Boolean> targetMet() {
            return workload == Workload.FCC
                    ? Optional.of(production.timing().p95Millis() <= ROUND_TARGET_MILLIS) : Optional.empty();
        }
    }

    /** The figures of one run, with the machine's core count and Java version. */
    public record Figures(long seed, int roundCap, boolean quick, int cores, String java,
                          List<WorkloadFigures> workloads) {
        public Figures {
            workloads = List.copyOf(workloads);
        }

        /** One line per run that did not end within the cap or whose reference gave other bytes; empty when well. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            for (WorkloadFigures w : workloads) {
                if (!w.production().ended()) {
                    problems.add(w.workload().key() + ": the stage did not end within " + roundCap + " rounds");
                }
                if (w.reference().isPresent() && !w.reference().get().sameBytes()) {
                    problems.add(w.workload().key() + ": the reference processor gave other rounds");
                }
            }
            return problems;
        }
    }

    private SmraBenchmark() {
    }

    public static Figures run(Options options) {
        run(SmraWorkloads.generate("warm-up", Workload.INDIA.shape(options.quick()), options.seed() + 1),
                new IncrementalSmraProcessor(), options.roundCap());
        List<WorkloadFigures> workloads = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            SmraWorkloads.Auction auction = SmraWorkloads.generate(workload.key(), workload.shape(options.quick()),
                    options.seed());
            Run production = run(auction, new IncrementalSmraProcessor(), options.roundCap());
            Optional<Reference> reference = Optional.empty();
            if (workload == Workload.INDIA) {
                Run slow = run(auction, new ReferenceSmraProcessor(),
                        Math.min(REFERENCE_ROUNDS, options.roundCap()));
                reference = Optional.of(new Reference(slow.timing(), production.first(slow.rounds()),
                        sameBytes(production.closed(), slow.closed())));
            }
            workloads.add(new WorkloadFigures(workload, production, reference));
        }
        return new Figures(options.seed(), options.roundCap(), options.quick(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), workloads);
    }

    /** Runs {@code auction} with the agents until the stage ends or {@code cap} rounds have closed. */
    static Run run(SmraWorkloads.Auction auction, SmraProcessor processor, int cap) {
        SmraStage stage = SmraStage.start(auction.setup(), processor);
        List<Double> roundMillis = new ArrayList<>();
        long agentNanos = 0;
        while (!stage.ended() && stage.nextRound() <= cap) {
            long t0 = System.nanoTime();
            SmraPrices prices = stage.open(Optional.empty()).orElseThrow();
            long t1 = System.nanoTime();
            List<SmraActions> actions = SmraAgents.actions(auction, stage, prices);
            long t2 = System.nanoTime();
            stage = stage.close(prices, actions);
            long t3 = System.nanoTime();
            roundMillis.add(((t1 - t0) + (t3 - t2)) / 1e6);
            agentNanos += t2 - t1;
        }
        long bids = 0;
        long waivers = 0;
        long rejections = 0;
        for (SmraRound r : stage.rounds()) {
            bids += r.bids().size();
            waivers += r.bidders().stream().filter(b -> b.waiver() == SmraRound.Waiver.PROACTIVE).count();
            rejections += r.rejections().size();
        }
        long revenue = stage.state().licences().values().stream().mapToLong(l -> l.standingBid()).sum();
        return new Run(auction.setup().licences().size(), auction.setup().bidders().size(), stage.rounds().size(),
                stage.ended(), bids, waivers, rejections, revenue, roundMillis, agentNanos / 1e6, stage.rounds());
    }

    private static boolean sameBytes(List<SmraRound> production, List<SmraRound> reference) {
        if (reference.size() > production.size()) {
            return false;
        }
        for (int i = 0; i < reference.size(); i++) {
            if (!SmraRoundJson.canonical(reference.get(i)).equals(SmraRoundJson.canonical(production.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
