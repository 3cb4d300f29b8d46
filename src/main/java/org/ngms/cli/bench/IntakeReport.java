package org.ngms.cli.bench;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ngms.cli.bench.IntakeBenchmark.Close;
import org.ngms.cli.bench.IntakeBenchmark.Figures;
import org.ngms.cli.bench.IntakeBenchmark.Measurement;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The figures of a {@code bench intake} run as a plain table, or as JSON; each target with PASS or MISS. */
public final class IntakeReport {

    private IntakeReport() {
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    /** Closes of rounds that processed a full round of bids (every round the benchmark closes). */
    static Close slowest(List<Close> closes) {
        return closes.stream().max(Comparator.comparingDouble(Close::millis)).orElseThrow();
    }

    /** The submission counts agree: every 201 the clients received is a transcript record and a stored version. */
    public static boolean consistent(Figures f) {
        return f.total201() == f.transcriptSubmissions() && f.total201() == f.storedBidVersions()
                && f.measurements().stream().allMatch(m -> m.refused() == 0);
    }

    private static String load(Measurement m) {
        return m.paceSeconds() > 0 ? String.format(Locale.ROOT, "1/%.1fs", m.paceSeconds()) : "closed";
    }

    public static void table(Figures f, PrintWriter out) {
        IntakeBenchmark.Options o = f.options();
        out.printf(Locale.ROOT, "bench intake, %s: %d areas, %d products, %d bidders bidding every round (%d for the "
                        + "many-clients figure), %d rounds processed before the second measurement; %.1f s per "
                        + "measurement after %.1f s warm-up%n", f.startedAt(), o.areas(), f.products(), o.bidders(),
                Math.max(o.bidders(), o.manyBidders()), o.rounds(), o.durationSeconds(), o.warmupSeconds());
        out.printf(Locale.ROOT, "machine: %d cores, %,d MB; %s; PostgreSQL %s (%s); load average %.2f before, %.2f "
                        + "after%n", f.cores(), f.memoryMb(), f.java(), f.postgresVersion(), f.database(),
                f.loadBefore(), f.loadAfter());
        out.println();
        out.printf(Locale.ROOT, "%-6s %7s %-8s %5s %9s %10s %8s %8s %8s %10s %6s %7s  %-12s %-12s%n", "round",
                "clients", "load", "bids", "accepted", "accepted/s", "p50 ms", "p99 ms", "max ms", "inserts/s",
                "conns", "ratio", "p99<=50ms", "ratio>=50%");
        for (Measurement m : f.measurements()) {
            out.printf(Locale.ROOT, "%-6d %7d %-8s %5d %9d %10.1f %8.1f %8.1f %8.1f %10.0f %6d %6.1f%%  %-12s %-12s%n",
                    m.round(), m.clients(), load(m), m.bidsPerSubmission(), m.accepted(), m.acceptedPerSecond(),
                    m.p50Millis(), m.p99Millis(), m.maxMillis(), m.baseline().insertsPerSecond(),
                    m.baseline().connections(), 100 * m.ratio(),
                    verdict(m.p99Millis() <= IntakeBenchmark.P99_TARGET_MILLIS),
                    verdict(m.ratio() >= IntakeBenchmark.RATIO_TARGET));
            if (m.refused() > 0) {
                out.println("       NOT accepted: " + m.statuses() + " " + m.problems());
            }
        }
        out.println("(load: back to back, the saturated rate; or 1/Ns: each client once every N seconds, a fixed "
                + "offered load)");
        out.println("(bids: bids per submission; inserts/s: PostgreSQL's single-row inserts, each its own committed "
                + "transaction, on conns connections right after; ratio: accepted/s ÷ inserts/s)");
        out.println();
        List<Close> closes = f.closes();
        Close first = closes.get(0);
        Close slowest = slowest(closes);
        // a run closes round 1 at least, so there is a mean
        double mean = closes.stream().mapToDouble(Close::millis).average().orElseThrow();
        out.printf(Locale.ROOT, "round close (process, store, ROUND_RESULT, open the next round, commit): round 1 "
                        + "%.0f ms (%,d bid records), mean %.0f ms over %d rounds, slowest %.0f ms (round %d, %,d "
                        + "records); target <= %.0f ms: %s%n", first.millis(), first.bidRecords(), mean,
                closes.size(), slowest.millis(), slowest.round(), slowest.bidRecords(),
                IntakeBenchmark.CLOSE_TARGET_MILLIS, verdict(slowest.millis() <= IntakeBenchmark.CLOSE_TARGET_MILLIS));
        StringBuilder each = new StringBuilder("  every close, ms:");
        closes.forEach(c -> each.append(String.format(Locale.ROOT, " %d:%.0f", c.round(), c.millis())));
        out.println(each);
        out.printf(Locale.ROOT, "submissions answered 201: %,d; CLOCK_BIDS_SUBMITTED records in the transcript: %,d; "
                        + "stored bid versions: %,d — %s%n", f.total201(), f.transcriptSubmissions(),
                f.storedBidVersions(), consistent(f) ? "every 201 is recorded" : "MISMATCH");
        out.println();
        out.println("PostgreSQL sessions while submissions were measured (samples every 20 ms: state / wait event):");
        for (Measurement m : f.measurements()) {
            long total = m.pgWaits().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  round %d, %d clients:", m.round(),
                    m.clients()));
            int shown = 0;
            for (Map.Entry<String, Long> e : m.pgWaits().entrySet()) {
                if (shown++ == 6) {
                    break;
                }
                line.append(String.format(Locale.ROOT, " %s %.0f%%;", e.getKey(),
                        total == 0 ? 0 : 100.0 * e.getValue() / total));
            }
            out.println(line);
        }
        out.flush();
    }

    public static void json(Figures f, PrintWriter out) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        IntakeBenchmark.Options opt = f.options();
        o.put("startedAt", f.startedAt().toString());
        o.putObject("options").put("areas", opt.areas()).put("bidders", opt.bidders())
                .put("manyBidders", opt.manyBidders()).put("rounds", opt.rounds())
                .put("durationSeconds", opt.durationSeconds()).put("warmupSeconds", opt.warmupSeconds())
                .put("seed", opt.seed());
        o.putObject("machine").put("cores", f.cores()).put("memoryMb", f.memoryMb()).put("java", f.java())
                .put("postgres", f.postgresVersion()).put("database", f.database())
                .put("loadBefore", f.loadBefore()).put("loadAfter", f.loadAfter());
        o.put("products", f.products());
        ArrayNode ms = o.putArray("measurements");
        for (Measurement m : f.measurements()) {
            ObjectNode j = ms.addObject().put("round", m.round()).put("clients", m.clients())
                    .put("paceSeconds", m.paceSeconds())
                    .put("bidsPerSubmission", m.bidsPerSubmission()).put("accepted", m.accepted())
                    .put("refused", m.refused()).put("seconds", m.seconds())
                    .put("acceptedPerSecond", m.acceptedPerSecond()).put("p50Millis", m.p50Millis())
                    .put("p99Millis", m.p99Millis()).put("maxMillis", m.maxMillis()).put("ratio", m.ratio())
                    .put("p99Target", verdict(m.p99Millis() <= IntakeBenchmark.P99_TARGET_MILLIS))
                    .put("ratioTarget", verdict(m.ratio() >= IntakeBenchmark.RATIO_TARGET));
            ObjectNode statuses = j.putObject("statuses");
            m.statuses().forEach((k, v) -> statuses.put(Integer.toString(k), v));
            ArrayNode problems = j.putArray("problems");
            m.problems().forEach(problems::add);
            j.putObject("inserts").put("connections", m.baseline().connections())
                    .put("inserts", m.baseline().inserts()).put("seconds", m.baseline().seconds())
                    .put("insertsPerSecond", m.baseline().insertsPerSecond())
                    .put("p50Millis", m.baseline().p50Millis()).put("p99Millis", m.baseline().p99Millis());
            ObjectNode waits = j.putObject("pgWaits");
            m.pgWaits().forEach(waits::put);
        }
        ArrayNode cs = o.putArray("closes");
        f.closes().forEach(c -> cs.addObject().put("round", c.round()).put("millis", c.millis())
                .put("bidRecords", c.bidRecords()).put("ended", c.ended()));
        Close slowest = slowest(f.closes());
        o.put("closeTarget", verdict(slowest.millis() <= IntakeBenchmark.CLOSE_TARGET_MILLIS));
        o.put("submissions201", f.total201()).put("transcriptSubmissions", f.transcriptSubmissions())
                .put("storedBidVersions", f.storedBidVersions()).put("consistent", consistent(f));
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(o));
        out.flush();
    }
}
