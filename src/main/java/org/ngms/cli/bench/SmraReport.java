package org.ngms.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.ngms.auction.smra.bench.SmraBenchmark;
import org.ngms.auction.smra.bench.SmraBenchmark.Figures;
import org.ngms.auction.smra.bench.SmraBenchmark.Reference;
import org.ngms.auction.smra.bench.SmraBenchmark.Run;
import org.ngms.auction.smra.bench.SmraBenchmark.Timing;
import org.ngms.auction.smra.bench.SmraBenchmark.WorkloadFigures;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of a {@code bench smra} run as a table, or as JSON: per workload its size, rounds, bids and waivers,
 * the engine's milliseconds per round and for the whole run, the reference's ratio where it ran, and the FCC-scale
 * target with PASS or MISS. Milliseconds have one decimal (three for the reference's rounds); money is whole
 * currency units.
 */
public final class SmraReport {

    private static final String ROW = "%-9s %8s %7s %6s %5s %8s %7s %10s %10s %10s %10s %10s%n";

    private SmraReport() {
    }

    public static void table(Figures f, PrintWriter out) {
        out.printf(Locale.ROOT, "bench smra: seeded synthetic SMRA auctions in memory, one thread; seed %d, round cap "
                + "%d%s, %d cores, Java %s%n", f.seed(), f.roundCap(), f.quick() ? ", quick shapes" : "", f.cores(),
                f.java());
        out.println("  round ms   the engine's time per round: open (minimum acceptable bids) and close (screening "
                + "every action set, processing, the next stage); the agents' deciding is not in it");
        out.println("  bids       accepted bids over the run; waivers: proactive waivers");
        out.println("  agents     each bidder bids the minimum acceptable bid where its private value exceeds it, "
                + "best surplus first, within its eligibility");
        for (WorkloadFigures w : f.workloads()) {
            out.println();
            out.println(w.workload().description());
        }
        out.println();
        out.printf(Locale.ROOT, ROW, "workload", "licences", "bidders", "rounds", "ended", "bids", "waivers",
                "total ms", "mean ms", "median ms", "p95 ms", "max ms");
        for (WorkloadFigures w : f.workloads()) {
            Run r = w.production();
            Timing t = r.timing();
            out.printf(Locale.ROOT, ROW, w.workload().key(), String.format(Locale.ROOT, "%,d", r.licences()),
                    r.bidders(), r.rounds(), r.ended() ? "yes" : "NO", String.format(Locale.ROOT, "%,d", r.bids()),
                    r.waivers(), ms(t.totalMillis()), ms(t.meanMillis()), ms(t.medianMillis()), ms(t.p95Millis()),
                    ms(t.maxMillis()));
        }
        for (WorkloadFigures w : f.workloads()) {
            Run r = w.production();
            out.printf(Locale.ROOT, "%s: agents %s ms in total, revenue %,d, %,d rejected actions%n",
                    w.workload().key(), ms(r.agentMillis()), r.revenue(), r.rejections());
            w.reference().ifPresent(ref -> reference(w, ref, out));
            w.targetMet().ifPresent(met -> out.printf(Locale.ROOT,
                    "target: p95 of a round at FCC scale within %,.0f ms: %s (p95 %s ms, max %s ms)%n",
                    SmraBenchmark.ROUND_TARGET_MILLIS, met ? "PASS" : "MISS", ms(w.production().timing().p95Millis()),
                    ms(w.production().timing().maxMillis())));
        }
        out.println();
        List<String> problems = f.problems();
        if (problems.isEmpty()) {
            out.println("every stage ended within the cap");
        } else {
            out.println("NOT every run is sound:");
            problems.forEach(p -> out.println("  " + p));
        }
        out.flush();
    }

    private static void reference(WorkloadFigures w, Reference ref, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: reference processor on the first %d rounds: mean %s ms, max %s ms; production on "
                        + "the same rounds: mean %s ms; production/reference x%.3f; same bytes: %s%n",
                w.workload().key(), ref.reference().rounds(), fine(ref.reference().meanMillis()),
                fine(ref.reference().maxMillis()), fine(ref.production().meanMillis()), ref.ratio(),
                ref.sameBytes() ? "yes" : "NO");
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%,.1f", millis);
    }

    private static String fine(double millis) {
        return String.format(Locale.ROOT, "%,.3f", millis);
    }

    public static void json(Figures f, PrintWriter out) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seed", f.seed()).put("roundCap", f.roundCap()).put("quick", f.quick()).put("cores", f.cores())
                .put("java", f.java());
        var workloads = o.putArray("workloads");
        for (WorkloadFigures w : f.workloads()) {
            Run r = w.production();
            ObjectNode j = workloads.addObject().put("workload", w.workload().key())
                    .put("description", w.workload().description()).put("licences", r.licences())
                    .put("bidders", r.bidders()).put("rounds", r.rounds()).put("ended", r.ended())
                    .put("bids", r.bids()).put("waivers", r.waivers()).put("rejections", r.rejections())
                    .put("revenue", r.revenue()).put("agentMillis", tenth(r.agentMillis()));
            timing(j.putObject("roundMillis"), r.timing());
            w.reference().ifPresent(ref -> {
                ObjectNode x = j.putObject("reference").put("rounds", ref.reference().rounds())
                        .put("ratio", Math.round(ref.ratio() * 10_000) / 10_000.0).put("sameBytes", ref.sameBytes());
                timing(x.putObject("referenceMillis"), ref.reference());
                timing(x.putObject("productionMillis"), ref.production());
            });
            w.targetMet().ifPresent(met -> j.put("target", met ? "PASS" : "MISS"));
        }
        List<String> problems = f.problems();
        o.put("allEnded", problems.isEmpty());
        var list = o.putArray("problems");
        problems.forEach(list::add);
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(o));
        out.flush();
    }

    private static void timing(ObjectNode node, Timing t) {
        node.put("rounds", t.rounds()).put("totalMillis", tenth(t.totalMillis())).put("meanMillis", milli(t.meanMillis()))
                .put("medianMillis", milli(t.medianMillis())).put("p95Millis", milli(t.p95Millis()))
                .put("maxMillis", milli(t.maxMillis()));
    }

    private static double tenth(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    private static double milli(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
