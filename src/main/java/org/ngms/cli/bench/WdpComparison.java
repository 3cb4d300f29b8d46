package org.ngms.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.WinnerDetermination;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wdp compare}: each instance solved by the engine (CP-SAT, then the seeded tie rule) and by the plain CP-SAT
 * model ({@code PlainCpSat}), the order alternating per instance (engine first on even instances, plain first on odd)
 * so that neither always runs on a warmer JVM; each solve timed with System.nanoTime around the whole call (model
 * building included). The verdict counts the instances where both proved optimality and the values differ: it
 * must be zero.
 */
public final class WdpComparison {

    /** One instance's figures; {@code engineFirst} says which solve ran first. */
    public record Row(String instance, String family, int bids, long engineValue, boolean engineProven,
            long plainValue, boolean plainProven, double engineMillis, double plainMillis, boolean engineFirst) {

        public double ratio() {
            return engineMillis / Math.max(plainMillis, 1e-3);
        }

        public boolean differs() {
            return engineProven && plainProven && engineValue != plainValue;
        }
    }

    /** The medians, overall and per family (in family order), and the verdict. */
    public record Summary(double medianRatio, double medianBothProven, int bothProven,
            Map<String, Double> familyMedians, Map<String, Integer> familyCounts, int differ, int engineOnlyProven,
            int plainOnlyProven) {
    }

    private WdpComparison() {
    }

    public static Row run(int index, Instance instance, WinnerDetermination engine, WinnerDetermination plain,
            Duration limit) {
        boolean engineFirst = index % 2 == 0;
        Allocation e = null;
        Allocation p = null;
        double em = 0;
        double pm = 0;
        for (int turn = 0; turn < 2; turn++) {
            boolean engineTurn = (turn == 0) == engineFirst;
            long started = System.nanoTime();
            if (engineTurn) {
                e = engine.solve(instance, TieBreak.DEFAULT, limit);
                em = (System.nanoTime() - started) / 1e6;
            } else {
                p = plain.solve(instance, TieBreak.DEFAULT, limit);
                pm = (System.nanoTime() - started) / 1e6;
            }
        }
        return new Row(instance.name(), family(instance.name()), instance.bidCount(), e.value(), e.provenOptimal(),
                p.value(), p.provenOptimal(), em, pm, engineFirst);
    }

    /** The family of a name: its known prefix (pk, mrvm, multi-region, cats, stress), else up to the first dash. */
    public static String family(String name) {
        for (String known : List.of("multi-region", "mrvm", "pk", "cats", "stress")) {
            if (name.startsWith(known + "-") || name.equals(known)) {
                return known;
            }
        }
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static Summary summarise(List<Row> rows) {
        Map<String, List<Double>> byFamily = new TreeMap<>();
        int differ = 0;
        int engineOnly = 0;
        int plainOnly = 0;
        for (Row r : rows) {
            byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r.ratio());
            differ += r.differs() ? 1 : 0;
            engineOnly += r.engineProven() && !r.plainProven() ? 1 : 0;
            plainOnly += r.plainProven() && !r.engineProven() ? 1 : 0;
        }
        Map<String, Double> medians = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        byFamily.forEach((f, ratios) -> {
            medians.put(f, median(ratios));
            counts.put(f, ratios.size());
        });
        List<Double> proven = rows.stream().filter(r -> r.engineProven() && r.plainProven()).map(Row::ratio).toList();
        return new Summary(median(rows.stream().map(Row::ratio).toList()), median(proven), proven.size(), medians,
                counts, differ, engineOnly, plainOnly);
    }

    public static final String HEADER = String.format(Locale.ROOT, "%-28s %6s %14s %6s %14s %6s %10s %10s %7s",
            "instance", "bids", "engine value", "proven", "plain value", "proven", "engine ms", "plain ms", "ratio");

    public static String line(Row r) {
        return String.format(Locale.ROOT, "%-28s %6d %14d %6s %14d %6s %10.1f %10.1f %7.2f%s", r.instance(), r.bids(),
                r.engineValue(), yes(r.engineProven()), r.plainValue(), yes(r.plainProven()), r.engineMillis(),
                r.plainMillis(), r.ratio(), r.differs() ? "  VALUES DIFFER" : "");
    }

    private static String yes(boolean b) {
        return b ? "yes" : "NO";
    }

    public static void footer(Summary s, int instances, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "median ratio engine/plain: %.2f over %d instances", s.medianRatio(),
                instances));
        out.println(String.format(Locale.ROOT, "median ratio engine/plain where both proved optimality: %.2f over %d "
                + "instances", s.medianBothProven(), s.bothProven()));
        s.familyMedians().forEach((f, m) -> out.println(String.format(Locale.ROOT,
                "  %-14s median ratio %.2f over %d", f, m, s.familyCounts().get(f))));
        out.println(String.format(Locale.ROOT, "proven by the engine only: %d; by the plain model only: %d",
                s.engineOnlyProven(), s.plainOnlyProven()));
        out.println("values differ while both proved optimality: " + s.differ());
    }

    public static void json(List<Row> rows, Summary s, double timeLimit, int workers, PrintWriter out) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("timeLimitSeconds", timeLimit).put("workers", workers)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", System.getProperty("java.version"));
        ArrayNode list = o.putArray("instances");
        for (Row r : rows) {
            list.addObject().put("instance", r.instance()).put("family", r.family()).put("bids", r.bids())
                    .put("engineValue", r.engineValue()).put("engineProven", r.engineProven())
                    .put("plainValue", r.plainValue()).put("plainProven", r.plainProven())
                    .put("engineMillis", tenth(r.engineMillis())).put("plainMillis", tenth(r.plainMillis()))
                    .put("ratio", Math.round(r.ratio() * 10_000) / 10_000.0).put("engineFirst", r.engineFirst());
        }
        o.put("medianRatio", rows.isEmpty() ? null : Math.round(s.medianRatio() * 10_000) / 10_000.0);
        o.put("bothProven", s.bothProven());
        o.put("medianRatioBothProven", s.bothProven() == 0 ? null
                : Math.round(s.medianBothProven() * 10_000) / 10_000.0);
        ObjectNode families = o.putObject("families");
        s.familyMedians().forEach((f, m) -> families.putObject(f).put("instances", s.familyCounts().get(f))
                .put("medianRatio", Math.round(m * 10_000) / 10_000.0));
        o.put("engineOnlyProven", s.engineOnlyProven()).put("plainOnlyProven", s.plainOnlyProven())
                .put("valuesDiffer", s.differ());
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(o));
        out.flush();
    }

    private static double tenth(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
