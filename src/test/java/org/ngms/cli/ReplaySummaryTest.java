package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.replay.ScenarioReplay;
import org.ngms.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/** What {@code replay} prints and how it exits: 0 only when every published figure is reproduced. */
class ReplaySummaryTest extends IntegrationTestBase {

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    private JsonNode replay(Path scenario) {
        return new ScenarioReplay(context).run(scenario);
    }

    @Test
    void theShortSummaryOf2026NamesBothStagesEveryWinnersFrequenciesAndThatItMatches() {
        JsonNode summary = replay(Path.of("scenarios", "pk-5g-2026"));
        StringWriter err = new StringWriter();

        String text = String.join("\n", ReplayCommand.humanSummary(summary));

        assertThat(ReplayCommand.exitCode(summary, new PrintWriter(err, true))).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(text).contains("stage allocation (CLOCK): EVALUATED, 3 round(s)")
                .contains("stage assignment (ASSIGNMENT): EVALUATED, 5 round(s)")
                .contains("zong: 6 × 2600, 5 × 3500; pays 111,250,000 + assignment 2,220,000 = 113,470,000; "
                        + "frequencies 3500 3570-3620, 2600 2500-2560")
                .contains("revenue: 510,375,000 (allocation 507,375,000 + assignment 3,000,000)")
                .endsWith("matches the published outcome (outcome.yaml)");
    }

    @Test
    void aChangedPublishedFigureMakesTheReplayExitOneNamingTheDifference() throws IOException {
        Path copy = dir.resolve("pk-5g-2026");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("scenarios", "pk-5g-2026"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path outcome = copy.resolve("outcome.yaml");
        Files.writeString(outcome, Files.readString(outcome)
                .replace("{ bidder: zong, price: 2220000, within: 5000 }", "{ bidder: zong, price: 2300000, within: 5000 }")
                .replace("{ bidder: ufone, band: \"3500\", mhz: \"120\" }", "{ bidder: ufone, band: \"3500\", mhz: \"110\" }"));
        JsonNode summary = replay(copy);
        StringWriter err = new StringWriter();

        int code = ReplayCommand.exitCode(summary, new PrintWriter(err, true));

        assertThat(code).isEqualTo(ReplayCommand.NOT_REPRODUCED);
        assertThat(err.toString()).contains("zong's assignment price 2220000, published 2300000 (within 5000)")
                .contains("ufone is assigned 120 MHz in 3500, published 110");
        assertThat(String.join("\n", ReplayCommand.humanSummary(summary)))
                .endsWith("DOES NOT match the published outcome (outcome.yaml): 2 difference(s)");
    }
}
