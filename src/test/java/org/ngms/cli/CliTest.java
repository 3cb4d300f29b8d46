package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.support.Scenarios;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aValidDirectiveExitsZeroWithItsHash() {
        int code = run("validate", "scenarios/pk-5g-2026/directive.yaml");

        assertThat(code).isZero();
        assertThat(out.toString()).matches("valid: PK-5G-2026 sha256 [0-9a-f]{64}\\R");
    }

    @Test
    void anInvalidDirectiveExitsTwoListingEveryError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("draft.yaml");
        Files.writeString(file, Scenarios.directiveYaml("pk-5g-2026")
                .replace("blocks: 19", "blocks: -19")
                .replace("limitMhz: \"140\"", "limitMhz: \"14O\""));

        int code = run("validate", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("2 error(s)")
                .contains("lotCategories[4].blocks: NOT_POSITIVE")
                .contains("spectrumCaps[2].limitMhz: BAD_FORMAT")
                .contains("[value: 14O]");
    }

    @Test
    void aJsonFileIsReadAsJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.json");
        Files.writeString(file, "{\"schema\": \"ngms-directive/1\", \"id\": 5}");

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("title: REQUIRED").doesNotContain("SYNTAX");
    }

    @Test
    void aMissingFileExitsOne() {
        assertThat(run("validate", "no/such/file.yaml")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
    }

    @Test
    void anUnknownCommandIsAUsageErrorAndNeverTheServer() {
        assertThat(Cli.isCommandLine("frobnicate")).isTrue();
        assertThat(Cli.isCommandLine("--version")).isTrue();
        assertThat(Cli.isCommandLine("-V")).isTrue();
        assertThat(Cli.isCommandLine("help")).isTrue();
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate").contains("Usage");
    }

    @Test
    void theServiceStartsOnlyWithNothingOrSpringOptions() {
        assertThat(Cli.isCommandLine()).isFalse();
        assertThat(Cli.isCommandLine("--server.port=8081")).isFalse();
        assertThat(Cli.isCommandLine("--server.port=8081", "--debug")).isFalse();
        assertThat(Cli.isCommandLine("--server.port=8081", "validate")).isTrue();
        assertThat(Cli.isCommandLine("--port")).isTrue();
    }

    @Test
    void versionAndHelpAnswer() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("ngms-auction ");
        out.getBuffer().setLength(0);
        assertThat(run("validate", "-V")).isZero();
        assertThat(out.toString().strip()).startsWith("ngms-auction ");
        out.getBuffer().setLength(0);
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("validate").contains("replay");
        out.getBuffer().setLength(0);
        assertThat(run("help", "validate")).isZero();
        assertThat(out.toString()).contains("Usage: ngms validate");
    }

    @Test
    void replayOfAMissingOrUnrunnableScenarioSaysSoBeforeAnyDatabaseStarts(@TempDir Path dir) throws IOException {
        assertThat(run("replay", "/does/not/exist")).isEqualTo(Cli.INVALID);
        assertThat(err.toString()).contains("/does/not/exist");
        err.getBuffer().setLength(0);

        // 2026 allocated by an SMRA before its position clock: the service does not run an assignment after an SMRA
        try (var files = Files.list(Path.of("scenarios", "pk-5g-2026"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        String yaml = Files.readString(dir.resolve("directive.yaml"));
        int start = yaml.indexOf("  - id: allocation\n");
        int end = yaml.indexOf("  - id: assignment\n");
        Files.writeString(dir.resolve("directive.yaml"), yaml.substring(0, start) + "  - id: allocation\n"
                + "    type: SMRA\n    roundMinutes: 30\n    minIncrementPercent: \"5\"\n"
                + "    maxIncrementPercent: \"5\"\n    incrementRule: FIXED\n    activityRequirementPercent: \"100\"\n"
                + "    waivers: 3\n    withdrawalsAllowed: false\n    bidMultiple: 1000\n" + yaml.substring(end));
        assertThat(run("replay", dir.toString())).isEqualTo(Cli.INVALID);
        assertThat(err.toString()).contains("stages[1].type").contains("FORMAT_NOT_RUNNABLE");
    }

    @Test
    void replayRunsOnItsOwnTemporaryDatabaseUnlessOneIsConfigured() {
        java.util.Properties none = new java.util.Properties();
        java.util.Properties url = new java.util.Properties();
        url.setProperty("spring.r2dbc.url", "r2dbc:postgresql://db.example/ngms");
        assertThat(ReplayCommand.configuredDatabase(java.util.Map.of(), none)).isFalse();
        assertThat(ReplayCommand.configuredDatabase(java.util.Map.of(), url)).isTrue();
        assertThat(ReplayCommand.configuredDatabase(java.util.Map.of("DB_HOST", "db.example"), none)).isTrue();
        assertThat(ReplayCommand.configuredDatabase(java.util.Map.of("PGHOST", "/var/run/postgresql"), none)).isTrue();
        assertThat(ReplayCommand.configuredDatabase(java.util.Map.of("DB_HOST", " "), none)).isFalse();
    }
}
