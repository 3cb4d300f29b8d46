package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bench assignment} end to end on a few markets: what it prints and its exit code, never its timings. */
class BenchAssignmentTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void fiveFccMarketsAndThe2026MarketsAreEachProvenAndPricedWithTheColumnsExplained() {
        Run r = run("bench", "assignment", "--markets", "5", "--seed", "7");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("enumerate", "solve", "price", "exact", "proven")
                .containsPattern("market +blocks +winners +options +bids +enumerate ms +solve ms +price ms +exact ms"
                        + " +value +revenue +proven")
                .containsPattern("\\R2600 +19 +3 +41 .* yes\\R")
                .containsPattern("\\R3500 +28 +3 +65 .* yes\\R")
                .contains("2 markets, 2 proven; the exact search alone chose the same in 2")
                .contains("5 markets of 1,218, 5 proven; the exact search alone chose the same in 5")
                .containsPattern("\\Rsolve +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9]\\R")
                .contains("solve (OptaPlanner + certificate) / exact alone: x")
                .contains("every market proven optimal and priced")
                .doesNotContain("NO ", "NOT");
    }

    @Test
    void verboseListsEveryFccMarketAndJsonSaysAllAreProven() {
        Run verbose = run("bench", "assignment", "--workload", "fcc", "--markets", "3", "--verbose");
        assertThat(verbose.exit()).isZero();
        assertThat(verbose.out()).containsPattern("\\RPEA001-A .* yes\\R").containsPattern("\\RPEA001-C .* yes\\R")
                .doesNotContain("2600");

        Run json = run("bench", "assignment", "--workload", "2026", "--json");
        assertThat(json.exit()).isZero();
        JsonNode figures = JsonMapper.builder().build().readTree(json.out());
        assertThat(figures.get("allProven").asBoolean()).isTrue();
        assertThat(figures.get("workloads").get(0).get("workload").asString()).isEqualTo("2026");
        assertThat(figures.get("workloads").get(0).get("perMarket").get(1).get("market").asString())
                .isEqualTo("3500");
        assertThat(figures.get("workloads").get(0).get("phases").get("solve").has("p95Millis")).isTrue();
    }

    @Test
    void anUnknownWorkloadOrTooManyMarketsIsAUsageError() {
        assertThat(run("bench", "assignment", "--workload", "smra").exit()).isEqualTo(Cli.INVALID);
        Run tooMany = run("bench", "assignment", "--markets", "1219");
        assertThat(tooMany.exit()).isEqualTo(Cli.INVALID);
        assertThat(tooMany.err()).contains("--markets 1-1218");
    }
}
