package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench intake --quick} end to end, in this JVM: the service starts on a database of its own (embedded in a
 * temporary directory unless DB_HOST/PGHOST is set), a small clock auction is set up through the API, submissions are
 * measured at round 1 and after 3 rounds, and the figures are printed. A service that cannot start fails the command
 * (exit 1), and so the test: nothing here is skipped.
 */
class BenchIntakeTest {

    @Test
    @Timeout(180)
    void quickRunPrintsTheFiguresAndEveryAcceptedSubmissionGotA201ThatIsInTheTranscript() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "intake", "--quick",
                "--json");
        assertThat(exit).as("exit code; standard error:\n" + err).isZero();

        JsonNode figures = JsonMapper.builder().build().readTree(out.toString());
        assertThat(figures.get("products").intValue()).isEqualTo(45); // 20 areas, each A and BC (the first 46 areas), and D in every 4th
        JsonNode measurements = figures.get("measurements");
        // round 1 and round 4, for 5 and for 8 clients, each back to back and paced (once every 0.5 s)
        assertThat(measurements).hasSize(8);
        long accepted = 0;
        for (JsonNode m : measurements) {
            assertThat(m.get("accepted").longValue()).as(m.toString()).isPositive();
            // every submission counted as accepted is a 201 (with its receipt), and nothing was refused
            assertThat(m.get("statuses").get("201").longValue()).isEqualTo(m.get("accepted").longValue());
            assertThat(m.get("statuses").size()).as(m.get("statuses").toString()).isEqualTo(1);
            assertThat(m.get("refused").longValue()).isZero();
            assertThat(m.get("acceptedPerSecond").doubleValue()).isPositive();
            assertThat(m.get("p99Millis").doubleValue()).isGreaterThanOrEqualTo(m.get("p50Millis").doubleValue());
            assertThat(m.get("inserts").get("insertsPerSecond").doubleValue()).isPositive();
            assertThat(m.get("p99Target").asString()).isIn("PASS", "MISS");
            assertThat(m.get("ratioTarget").asString()).isIn("PASS", "MISS");
            accepted += m.get("accepted").longValue();
        }
        assertThat(measurements.get(0).get("round").intValue()).isEqualTo(1);
        assertThat(measurements.get(4).get("round").intValue()).isEqualTo(4);
        assertThat(measurements.get(2).get("clients").intValue()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            JsonNode m = measurements.get(i);
            assertThat(m.get("paceSeconds").doubleValue()).as(m.toString()).isEqualTo(i % 2 == 0 ? 0 : 0.5);
            if (i % 2 == 1) {
                // an open loop: no more than the offered load (each client once every 0.5 s), whatever the capacity
                assertThat(m.get("acceptedPerSecond").doubleValue()).as(m.toString())
                        .isLessThanOrEqualTo(m.get("clients").intValue() / 0.5 * 1.25);
            }
        }
        assertThat(figures.get("closes")).hasSize(4);
        figures.get("closes").forEach(c -> assertThat(c.get("millis").doubleValue()).isPositive());
        // every 201 the clients got (measured or not) is a CLOCK_BIDS_SUBMITTED record and a stored bid version
        assertThat(figures.get("submissions201").longValue()).isGreaterThanOrEqualTo(accepted)
                .isEqualTo(figures.get("transcriptSubmissions").longValue())
                .isEqualTo(figures.get("storedBidVersions").longValue());
        assertThat(figures.get("consistent").booleanValue()).isTrue();
    }
}
