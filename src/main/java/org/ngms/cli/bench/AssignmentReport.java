package org.ngms.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.ngms.auction.assignment.bench.AssignmentBenchmark;
import org.ngms.auction.assignment.bench.AssignmentBenchmark.Figures;
import org.ngms.auction.assignment.bench.AssignmentBenchmark.MarketFigures;
import org.ngms.auction.assignment.bench.AssignmentBenchmark.Phase;
import org.ngms.auction.assignment.bench.AssignmentBenchmark.Workload;
import org.ngms.auction.assignment.bench.AssignmentBenchmark.WorkloadFigures;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of a {@code bench assignment} run as a table, or as JSON: per market for the 2026 size (and for the
 * FCC-107-like set when verbose), per phase for each workload, each target with PASS or MISS. Milliseconds have one
 * decimal; money is whole currency units.
 */
public final class AssignmentReport {

    private static final String ROW = "%-9s %6s %7s %7s %5s %12s %9s %9s %9s %12s %12s  %s%n";
    private static final String PHASE = "%-30s %10s %10s %10s %10s%n";

    private AssignmentReport() {
    }

    public static void table(Figures f, boolean verbose, PrintWriter out) {
        out.printf(Locale.ROOT, "bench assignment: sealed frequency-assignment rounds in memory, one market at a "
                + "time on one thread; seed %d, %d cores, Java %s%n", f.seed(), f.cores(), f.java());
        out.println("  enumerate  every winner's options (each run of its quantity of adjacent blocks) and the "
                + "optimiser's instance");
        out.println("  solve      OptaPlanner, then the exhaustive search that certifies it and applies the tie rule");
        out.println("  price      VCG and the core point nearest VCG, one exhaustive wd(K) per coalition");
        out.println("  exact      the exhaustive search alone on the same instance: the reference, not part of the "
                + "round");
        out.println("  proven     yes: the solve is OPTIMAL and the core prices were found with every wd(K) proven");
        out.println("  value      the optimum's bids; revenue: the core payments (whole currency units)");
        out.println("  ms         System.nanoTime per market; the run's first market also loads and warms "
                + "OptaPlanner");
        for (WorkloadFigures w : f.workloads()) {
            out.println();
            out.println(w.workload().description());
            if (w.workload() == Workload.PAKISTAN_2026 || verbose) {
                out.printf(Locale.ROOT, ROW, "market", "blocks", "winners", "options", "bids", "enumerate ms",
                        "solve ms", "price ms", "exact ms", "value", "revenue", "proven");
                w.markets().forEach(m -> row(m, out));
            }
            out.printf(Locale.ROOT, "%,d markets%s, %,d proven; the exact search alone chose the same in %,d%n",
                    w.markets().size(), w.markets().size() < w.available()
                            ? String.format(Locale.ROOT, " of %,d", w.available()) : "", w.proven(), w.exactAgrees());
            out.printf(Locale.ROOT, PHASE, "phase", "total ms", "median ms", "p95 ms", "max ms");
            phase("enumerate", w.enumerate(), out);
            phase("solve", w.solve(), out);
            phase("price", w.price(), out);
            phase("round (enumerate+solve+price)", w.round(), out);
            phase("exact alone", w.exact(), out);
            out.printf(Locale.ROOT, "solve (OptaPlanner + certificate) / exact alone: x%.1f in total%n",
                    w.solveOverExact());
            out.println(target(w));
        }
        out.println();
        List<String> problems = f.problems();
        if (problems.isEmpty()) {
            out.println("every market proven optimal and priced");
        } else {
            out.println("NOT every market proven optimal and priced:");
            problems.forEach(p -> out.println("  " + p));
        }
        out.flush();
    }

    private static void row(MarketFigures m, PrintWriter out) {
        out.printf(Locale.ROOT, ROW, m.market(), m.blocks(), m.winners(), m.options(), m.bids(),
                ms(m.enumerateMillis()), ms(m.solveMillis()), ms(m.priceMillis()), ms(m.exactMillis()),
                String.format(Locale.ROOT, "%,d", m.value()), String.format(Locale.ROOT, "%,d", m.revenue()),
                m.proven() ? "yes" : "NO " + m.status() + m.notPriced().map(s -> " " + s).orElse(""));
    }

    private static void phase(String name, Phase p, PrintWriter out) {
        out.printf(Locale.ROOT, PHASE, name, ms(p.totalMillis()), ms(p.medianMillis()), ms(p.p95Millis()),
                ms(p.maxMillis()));
    }

    private static String target(WorkloadFigures w) {
        String verdict = w.targetMet() ? "PASS" : "MISS";
        if (w.workload() == Workload.PAKISTAN_2026) {
            MarketFigures slowest = w.slowest();
            return String.format(Locale.ROOT, "target: every market proven within %,.0f ms: %s (slowest %s, %s ms)",
                    AssignmentBenchmark.MARKET_TARGET_MILLIS, verdict, slowest.market(), ms(slowest.millis()));
        }
        return String.format(Locale.ROOT, "target: every market proven, within %,.0f ms in total: %s (%s ms%s)",
                AssignmentBenchmark.TOTAL_TARGET_MILLIS, verdict, ms(w.round().totalMillis()),
                w.markets().size() < w.available() ? String.format(Locale.ROOT, "; %,d of %,d markets, the target "
                        + "is for all of them", w.markets().size(), w.available()) : "");
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%,.1f", millis);
    }

    public static void json(Figures f, boolean verbose, PrintWriter out) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seed", f.seed()).put("cores", f.cores()).put("java", f.java());
        ArrayNode workloads = o.putArray("workloads");
        for (WorkloadFigures w : f.workloads()) {
            ObjectNode j = workloads.addObject().put("workload", w.workload().key())
                    .put("description", w.workload().description()).put("markets", w.markets().size())
                    .put("available", w.available()).put("proven", w.proven()).put("exactAgrees", w.exactAgrees());
            ObjectNode phases = j.putObject("phases");
            phase(phases.putObject("enumerate"), w.enumerate());
            phase(phases.putObject("solve"), w.solve());
            phase(phases.putObject("price"), w.price());
            phase(phases.putObject("round"), w.round());
            phase(phases.putObject("exact"), w.exact());
            j.put("solveOverExact", tenth(w.solveOverExact())).put("target", w.targetMet() ? "PASS" : "MISS");
            if (w.workload() == Workload.PAKISTAN_2026 || verbose) {
                ArrayNode markets = j.putArray("perMarket");
                w.markets().forEach(m -> markets.addObject().put("market", m.market()).put("blocks", m.blocks())
                        .put("winners", m.winners()).put("options", m.options()).put("bids", m.bids())
                        .put("enumerateMillis", tenth(m.enumerateMillis())).put("solveMillis", tenth(m.solveMillis()))
                        .put("priceMillis", tenth(m.priceMillis())).put("exactMillis", tenth(m.exactMillis()))
                        .put("status", m.status().name())
                        .put("notPriced", m.notPriced().map(Enum::name).orElse(null))
                        .put("value", m.value()).put("revenue", m.revenue()).put("proven", m.proven())
                        .put("exactAgrees", m.exactAgrees()).put("nodes", m.nodes()));
            }
        }
        List<String> problems = f.problems();
        o.put("allProven", problems.isEmpty());
        ArrayNode list = o.putArray("problems");
        problems.forEach(list::add);
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(o));
        out.flush();
    }

    private static void phase(ObjectNode node, Phase p) {
        node.put("totalMillis", tenth(p.totalMillis())).put("medianMillis", tenth(p.medianMillis()))
                .put("p95Millis", tenth(p.p95Millis())).put("maxMillis", tenth(p.maxMillis()));
    }

    private static double tenth(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
