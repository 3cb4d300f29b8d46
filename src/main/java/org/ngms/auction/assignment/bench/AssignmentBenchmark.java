package org.ngms.auction.assignment.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.ngms.auction.assignment.AssignmentOptions;
import org.ngms.auction.assignment.bench.AssignmentWorkloads.SealedMarket;
import org.ngms.optimiser.assignment.AssignmentInstance;
import org.ngms.optimiser.assignment.AssignmentMarket;
import org.ngms.optimiser.assignment.AssignmentOption;
import org.ngms.optimiser.assignment.AssignmentResult;
import org.ngms.optimiser.assignment.AssignmentStatus;
import org.ngms.optimiser.assignment.ExhaustiveAssignment;
import org.ngms.optimiser.assignment.MarketWinner;
import org.ngms.optimiser.assignment.PlannedAssignment;
import org.ngms.pricing.AssignmentPrices;
import org.ngms.pricing.PaymentRule;
import org.ngms.pricing.PricingOutcome;

/**
 * The sealed frequency-assignment round timed market by market, in memory, on one thread, with no Spring context.
 * Each market goes through three phases, each timed with {@link System#nanoTime}:
 *
 * <ol>
 * <li>enumerate: every winner's options ({@link AssignmentOptions}) and the optimiser's instance built from them,
 * the bids and the tie rule (which checks every bid against the options);</li>
 * <li>solve: {@link PlannedAssignment}, OptaPlanner, then the exhaustive search that certifies its assignment and
 * applies the tie rule;</li>
 * <li>price: {@link AssignmentPrices} with {@link PaymentRule#CORE_NEAREST_VCG}, VCG and the core point nearest VCG,
 * one exhaustive wd(K) per coalition.</li>
 * </ol>
 * Then, as the reference, {@link ExhaustiveAssignment} alone solves the same instance, right after the solve so that
 * both run on an equally warm JVM; its result must be the solve's (the tie rule picks one optimal assignment). A
 * market is proven when the solve is OPTIMAL and the core prices were found with every wd(K) proven optimal.
 */
public final class AssignmentBenchmark {

    /** Target of the 2026 size: each market enumerated, solved and priced within a second. */
    public static final double MARKET_TARGET_MILLIS = 1_000;
    /** Target of the FCC-107-like set: all of it enumerated, solved and priced within a minute. */
    public static final double TOTAL_TARGET_MILLIS = 60_000;

    public enum Workload {
        PAKISTAN_2026("2026", "2026 size: Pakistan 2026, 2600 MHz (19 blocks; 7, 6, 6 won) and 3500 MHz "
                + "(28 blocks; 5, 12, 5 won, 6 unsold)"),
        FCC_107("fcc", "FCC-107-like: " + AssignmentWorkloads.FCC_AREAS + " areas x 3 categories, "
                + AssignmentWorkloads.FCC_MIN_BLOCKS + "-" + AssignmentWorkloads.FCC_MAX_BLOCKS + " blocks and "
                + AssignmentWorkloads.FCC_WINNERS + " winners each");

        private final String key;
        private final String description;

        Workload(String key, String description) {
            this.key = key;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }
    }

    /** What to run: the workloads in order, the seed, and how many FCC markets (at most 1,218). */
    public record Options(List<Workload> workloads, long seed, int fccMarkets) {
        public Options {
            workloads = List.copyOf(workloads);
            if (fccMarkets < 1 || fccMarkets > AssignmentWorkloads.FCC_MARKETS) {
                throw new IllegalArgumentException("fccMarkets must be 1 to " + AssignmentWorkloads.FCC_MARKETS
                        + ": " + fccMarkets);
            }
        }
    }

    /**
     * One market: its size ({@code options} of all winners, {@code bids} made), the milliseconds of each phase and
     * of the reference, the solve's status, why it could not be priced ({@code notPriced}, empty when priced), the
     * optimum {@code value}, the core {@code revenue}, whether the reference chose the same, the exhaustive nodes of
     * the solve, and its detail.
     */
    public record MarketFigures(String market, int blocks, int winners, int options, int bids,
                                double enumerateMillis, double solveMillis, double priceMillis, double exactMillis,
                                AssignmentStatus status, Optional<PricingOutcome.Status> notPriced, long value,
                                long revenue, boolean exactAgrees, long nodes, String detail) {
        public MarketFigures {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(notPriced, "notPriced");
            Objects.requireNonNull(detail, "detail");
        }

        public boolean proven() {
            return status == AssignmentStatus.OPTIMAL && notPriced.isEmpty();
        }

        /** Enumerate, solve and price: the round's own time for the market, without the reference. */
        public double millis() {
            return enumerateMillis + solveMillis + priceMillis;
        }
    }

    /** A phase over the markets of a workload: the sum, the median, the 95th percentile (nearest rank), the max. */
    public record Phase(double totalMillis, double medianMillis, double p95Millis, double maxMillis) {

        static Phase of(List<MarketFigures> markets, ToDoubleFunction<MarketFigures> millis) {
            double[] sorted = markets.stream().mapToDouble(millis).sorted().toArray();
            if (sorted.length == 0) {
                return new Phase(0, 0, 0, 0);
            }
            return new Phase(Arrays.stream(sorted).sum(), rank(sorted, 0.5), rank(sorted, 0.95),
                    sorted[sorted.length - 1]);
        }

        private static double rank(double[] sorted, double p) {
            return sorted[(int) Math.ceil(p * sorted.length) - 1];
        }
    }

    public record WorkloadFigures(Workload workload, int available, List<MarketFigures> markets) {
        public WorkloadFigures {
            Objects.requireNonNull(workload, "workload");
            markets = List.copyOf(markets);
        }

        public long proven() {
            return markets.stream().filter(MarketFigures::proven).count();
        }

        public long exactAgrees() {
            return markets.stream().filter(MarketFigures::exactAgrees).count();
        }

        public Phase enumerate() {
            return Phase.of(markets, MarketFigures::enumerateMillis);
        }

        public Phase solve() {
            return Phase.of(markets, MarketFigures::solveMillis);
        }

        public Phase price() {
            return Phase.of(markets, MarketFigures::priceMillis);
        }

        /** Enumerate, solve and price together, per market. */
        public Phase round() {
            return Phase.of(markets, MarketFigures::millis);
        }

        public Phase exact() {
            return Phase.of(markets, MarketFigures::exactMillis);
        }

        /** The solve (OptaPlanner and its certificate) over the exhaustive search alone, in total. */
        public double solveOverExact() {
            return solve().totalMillis() / Math.max(0.001, exact().totalMillis());
        }

        public MarketFigures slowest() {
            return markets.stream().max(Comparator.comparingDouble(MarketFigures::millis)).orElseThrow();
        }

        /** PASS or MISS: each 2026 market within a second, or the whole FCC set within a minute. */
        public boolean targetMet() {
            return workload == Workload.PAKISTAN_2026
                    ? markets.stream().allMatch(m -> m.proven() && m.millis() <= MARKET_TARGET_MILLIS)
                    : proven() == markets.size() && round().totalMillis() <= TOTAL_TARGET_MILLIS;
        }
    }

    /** The figures of one run, with the machine's core count and Java version. */
    public record Figures(long seed, int cores, String java, List<WorkloadFigures> workloads) {
        public Figures {
            workloads = List.copyOf(workloads);
        }

        /** One line per market that is not proven or whose reference chose otherwise; empty when all is well. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            for (WorkloadFigures w : workloads) {
                for (MarketFigures m : w.markets()) {
                    if (!m.proven()) {
                        problems.add(m.market() + ": NOT proven: " + m.status()
                                + m.notPriced().map(s -> ", not priced " + s).orElse("") + "; " + m.detail());
                    }
                    if (!m.exactAgrees()) {
                        problems.add(m.market() + ": the exhaustive search alone chose another assignment");
                    }
                }
            }
            return problems;
        }
    }

    private final ExhaustiveAssignment exact = new ExhaustiveAssignment();
    private final PlannedAssignment planned = new PlannedAssignment(exact);
    private final AssignmentPrices prices = new AssignmentPrices(exact);

    public static Figures run(Options options) {
        AssignmentBenchmark benchmark = new AssignmentBenchmark();
        List<WorkloadFigures> workloads = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            List<SealedMarket> markets = workload == Workload.PAKISTAN_2026
                    ? AssignmentWorkloads.pakistan2026(options.seed())
                    : AssignmentWorkloads.fcc107(options.seed(), options.fccMarkets());
            int available = workload == Workload.PAKISTAN_2026 ? markets.size() : AssignmentWorkloads.FCC_MARKETS;
            workloads.add(new WorkloadFigures(workload, available, markets.stream().map(benchmark::measure)
                    .toList()));
        }
        return new Figures(options.seed(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), workloads);
    }

    private MarketFigures measure(SealedMarket sealed) {
        long t0 = System.nanoTime();
        AssignmentInstance instance = instance(sealed, AssignmentOptions.of(sealed.market()));
        long t1 = System.nanoTime();
        AssignmentResult result = planned.solve(instance);
        long t2 = System.nanoTime();
        PricingOutcome outcome = prices.price(PaymentRule.CORE_NEAREST_VCG, instance, result);
        long t3 = System.nanoTime();
        AssignmentResult alone = exact.solve(instance);
        long t4 = System.nanoTime();

        int options = instance.market().winners().stream().mapToInt(w -> w.options().size()).sum();
        int bids = instance.bids().values().stream().mapToInt(Map::size).sum();
        Optional<PricingOutcome.Status> notPriced = outcome instanceof PricingOutcome.NotPriced n
                ? Optional.of(n.status()) : Optional.empty();
        long revenue = outcome instanceof PricingOutcome.Priced p ? p.revenue() : 0;
        String detail = outcome instanceof PricingOutcome.NotPriced n ? result.detail() + "; " + n.detail()
                : result.detail();
        boolean agrees = alone.status() == result.status() && alone.value() == result.value()
                && alone.chosen().equals(result.chosen());
        return new MarketFigures(sealed.market().id(), sealed.market().blocks().size(),
                instance.market().winners().size(), options, bids, millis(t0, t1), millis(t1, t2), millis(t2, t3),
                millis(t3, t4), result.status(), notPriced, result.value(), revenue, agrees, result.nodes(), detail);
    }

    /** The optimiser's model of the market: its blocks by index, each winner with its options as block indices. */
    private static AssignmentInstance instance(SealedMarket sealed,
                                               Map<String, List<AssignmentOptions.Option>> options) {
        List<MarketWinner> winners = new ArrayList<>();
        options.forEach((bidder, own) -> winners.add(new MarketWinner(bidder, sealed.market().winners().get(bidder),
                own.stream().map(o -> new AssignmentOption(o.id(), o.blockIndices())).toList())));
        AssignmentMarket market = new AssignmentMarket(sealed.market().id(), sealed.market().blocks().size(),
                winners);
        return new AssignmentInstance(market, sealed.bids(), sealed.tieRule());
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
