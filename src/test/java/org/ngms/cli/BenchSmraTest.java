package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bench smra} end to end on the quick shapes: what it prints and its exit code, never its timings. */
class BenchSmraTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void bothQuickAuctionsEndAndThePerRoundColumnsAndTheReferenceRatioArePrinted() {
        Run r = run("bench", "smra", "--quick", "--seed", "7");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .containsPattern("workload +licences +bidders +rounds +ended +bids +waivers +total ms +mean ms"
                        + " +median ms +p95 ms +max ms")
                .containsPattern("\\Rindia +12 +4 +[0-9]+ +yes +[0-9,]+ +[0-9]+ +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9]"
                        + " +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9]\\R")
                .containsPattern("\\Rfcc +30 +8 +[0-9]+ +yes ")
                .containsPattern("india: reference processor on the first [0-9]+ rounds: .*production/reference x"
                        + "[0-9.]+; same bytes: yes")
                .containsPattern("target: p95 of a round at FCC scale within 100 ms: (PASS|MISS)")
                .contains("every stage ended within the cap")
                .doesNotContain("NOT", " NO");
    }

    @Test
    void jsonCarriesTheSameFigures() {
        Run r = run("bench", "smra", "--quick", "--workload", "india", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode figures = JsonMapper.builder().build().readTree(r.out());
        assertThat(figures.get("allEnded").asBoolean()).isTrue();
        JsonNode india = figures.get("workloads").get(0);
        assertThat(india.get("workload").asString()).isEqualTo("india");
        assertThat(india.get("licences").asInt()).isEqualTo(12);
        assertThat(india.get("roundMillis").has("p95Millis")).isTrue();
        assertThat(india.get("reference").get("sameBytes").asBoolean()).isTrue();
    }

    @Test
    void aStageCutShortByTheRoundCapExitsOneAndSaysSo() {
        Run r = run("bench", "smra", "--quick", "--workload", "india", "--rounds", "2");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("india: the stage did not end within 2 rounds");
    }

    @Test
    void anUnknownWorkloadIsAUsageError() {
        Run r = run("bench", "smra", "--workload", "pakistan");
        assertThat(r.exit()).isEqualTo(Cli.INVALID);
        assertThat(r.err()).contains("--workload india, fcc or all");
    }
}
