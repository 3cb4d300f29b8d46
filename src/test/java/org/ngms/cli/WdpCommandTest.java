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
}
