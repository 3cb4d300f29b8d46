package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WdpCommandTest {

    private static final String INSTANCE = """
            {"format":"wdp/1","name":"three","currency":"USD",
             "categories":[{"id":"A","supply":1,"reservePrice":0},{"id":"B","supply":1,"reservePrice":0}],
             "bidders":[
               {"id":"1","bids":[{"id":"1-A","package":{"A":1},"amount":2}]},
               {"id":"2","bids":[{"id":"2-B","package":{"B":1},"amount":2}]},
               {"id":"3","bids":[{"id":"3-AB","package":{"A":1,"B":1},"amount":3}]}]}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void solvePrintsAWdpResultWithItsCertificate() throws IOException {
        Path file = Files.writeString(dir.resolve("three.json"), INSTANCE);
        assertThat(run("wdp", "solve", file.toString(), "--time-limit", "10")).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(out.toString());
        assertThat(result.get("format").stringValue()).isEqualTo("wdp-result/1");
        assertThat(result.get("instance").stringValue()).isEqualTo("three");
        assertThat(result.get("value").longValue()).isEqualTo(4);
        assertThat(result.get("upperBound").longValue()).isEqualTo(4);
        assertThat(result.get("provenOptimal").booleanValue()).isTrue();
        assertThat(result.get("winners")).hasSize(2);
        assertThat(result.get("seconds").isNumber()).isTrue();
    }

    @Test
    void anInvalidInstanceExitsWithTwoAndNamesTheElement() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), INSTANCE.replace("\"amount\":3", "\"amount\":-3"));
        assertThat(run("wdp", "solve", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bidders[2].bids[0].amount");
    }

    @Test
    void anUnreadableFileExitsWithOne() {
        assertThat(run("wdp", "solve", dir.resolve("missing.json").toString())).isEqualTo(1);
    }

    @Test
    void wdpIsACommandOfTheJar() {
        assertThat(Cli.COMMANDS).contains("wdp");
    }

    private static final String SECOND = INSTANCE.replace("\"three\"", "\"three-b\"")
            .replace("\"amount\":3", "\"amount\":5");

    @Test
    void compareSolvesEachInstanceWithBothModelsAndPrintsTheRatios() throws IOException {
        Files.writeString(dir.resolve("a.json"), INSTANCE);
        Files.writeString(dir.resolve("b.json"), SECOND);
        Files.writeString(dir.resolve("a.ref.json"), "{\"value\":4}");
        assertThat(run("wdp", "compare", dir.toString(), "--time-limit", "5", "--workers", "2")).isZero();
        String text = out.toString();
        assertThat(text).contains("2 instances of", "2 workers", "time limit 5.0 s");
        assertThat(text).containsPattern("instance +bids +engine value +proven +plain value +proven +engine ms"
                + " +plain ms +ratio");
        // a: value 4 (1-A and 2-B), b: value 5 (3-AB), both proven by both models
        assertThat(text).containsPattern("(?m)^three +3 +4 +yes +4 +yes +[0-9.]+ +[0-9.]+ +[0-9.]+$");
        assertThat(text).containsPattern("(?m)^three-b +3 +5 +yes +5 +yes +[0-9.]+ +[0-9.]+ +[0-9.]+$");
        assertThat(text).containsPattern("median ratio engine/plain: [0-9.]+ over 2 instances");
        assertThat(text).containsPattern("median ratio engine/plain where both proved optimality: [0-9.]+ over 2 ");
        assertThat(text).contains("  three ", "values differ while both proved optimality: 0");
    }

    @Test
    void compareAsJson() throws IOException {
        Files.writeString(dir.resolve("a.json"), INSTANCE);
        assertThat(run("wdp", "compare", dir.toString(), "--time-limit", "5", "--workers", "1", "--json")).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(out.toString());
        assertThat(doc.get("workers").intValue()).isEqualTo(1);
        assertThat(doc.get("instances")).hasSize(1);
        JsonNode row = doc.get("instances").get(0);
        assertThat(row.get("engineValue").longValue()).isEqualTo(4);
        assertThat(row.get("plainValue").longValue()).isEqualTo(4);
        assertThat(row.get("engineFirst").booleanValue()).isTrue();
        assertThat(row.get("ratio").isNumber()).isTrue();
        assertThat(doc.get("valuesDiffer").intValue()).isZero();
        assertThat(doc.get("medianRatio").isNumber()).isTrue();
    }

    @Test
    void compareExitsWithThreeWhenProvenValuesDifferAndTwoForAnInvalidInstance() throws IOException {
        var same = new org.ngms.cli.bench.WdpComparison.Row("x", "x", 1, 4, true, 4, true, 2, 1, true);
        var differ = new org.ngms.cli.bench.WdpComparison.Row("y", "y", 1, 4, true, 5, true, 3, 1, false);
        var unproven = new org.ngms.cli.bench.WdpComparison.Row("z", "z", 1, 4, false, 5, true, 4, 1, true);
        var summary = org.ngms.cli.bench.WdpComparison.summarise(java.util.List.of(same, differ, unproven));
        assertThat(summary.differ()).isEqualTo(1);
        assertThat(summary.medianRatio()).isEqualTo(3.0);
        assertThat(summary.medianBothProven()).isEqualTo(2.5);
        assertThat(summary.bothProven()).isEqualTo(2);
        assertThat(summary.plainOnlyProven()).isEqualTo(1);
        assertThat(WdpCommand.exitStatus(summary, 0)).isEqualTo(3);
        var fine = org.ngms.cli.bench.WdpComparison.summarise(java.util.List.of(same, unproven));
        assertThat(fine.differ()).isZero();
        assertThat(WdpCommand.exitStatus(fine, 0)).isZero();
        assertThat(WdpCommand.exitStatus(fine, 1)).isEqualTo(2);
        assertThat(org.ngms.cli.bench.WdpComparison.line(differ)).endsWith("VALUES DIFFER");

        Files.writeString(dir.resolve("bad.json"), INSTANCE.replace("\"amount\":3", "\"amount\":-3"));
        assertThat(run("wdp", "compare", dir.toString(), "--time-limit", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("bad.json");
        assertThat(run("wdp", "compare", dir.toString(), "--workers", "0")).isEqualTo(2);
    }

    @Test
    void generateIsDeterministicAndItsInstancesAreReadable() throws IOException {
        for (String family : java.util.List.of("pk", "multi-region", "cats", "stress")) {
            Path first = dir.resolve("one-" + family);
            Path second = dir.resolve("two-" + family);
            assertThat(run("wdp", "generate", "--family", family, "--count", "2", "--seed", "7", "--bids", "300",
                    "--out", first.toString())).isZero();
            assertThat(run("wdp", "generate", "--family", family, "--count", "2", "--seed", "7", "--bids", "300",
                    "--out", second.toString())).isZero();
            java.util.List<Path> files = WdpCommand.instances(first);
            assertThat(files).extracting(f -> f.getFileName().toString())
                    .containsExactly(family + "-b300-s7.json", family + "-b300-s8.json");
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(bytes).isEqualTo(Files.readAllBytes(second.resolve(file.getFileName())));
                var read = org.ngms.optimiser.wdp.WdpReader.read(new String(bytes,
                        java.nio.charset.StandardCharsets.UTF_8));
                assertThat(read).isInstanceOf(org.ngms.optimiser.wdp.WdpReader.Read.class);
                var instance = ((org.ngms.optimiser.wdp.WdpReader.Read) read).instance();
                assertThat(instance.name()).isEqualTo(file.getFileName().toString().replace(".json", ""));
                assertThat(instance.bidCount()).isBetween(150, 300);
            }
            assertThat(Files.readAllBytes(files.get(0))).isNotEqualTo(Files.readAllBytes(files.get(1)));
        }
        // pinned bytes: a change of the generator shows here
        var pk = org.ngms.optimiser.wdp.InstanceFamilies.generate(
                org.ngms.optimiser.wdp.InstanceFamilies.Family.PK, 300, 7);
        assertThat(Integer.toHexString(org.ngms.optimiser.wdp.WdpInstanceWriter.write(pk).hashCode()))
                .isEqualTo("ed8a175b");
        assertThat(run("wdp", "generate", "--family", "nope", "--out", dir.toString())).isEqualTo(2);
    }
}
