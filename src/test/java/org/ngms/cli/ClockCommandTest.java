package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ClockCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void clockIsAnOfflineCommand() {
        assertThat(Cli.COMMANDS).contains("clock");
    }

    @Test
    void replayPrintsEveryRoundAndTheOutcomeOfThe2026Auction() {
        Run r = run("clock", "replay", "scenarios/pk-5g-2026");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("round 3").contains("outcome after 3 rounds").contains("revenue 507,375,000")
                .contains("sold 480 of 597.2 MHz");
    }

    @Test
    void replayOfADirectoryWithoutAScriptFails() {
        Run r = run("clock", "replay", "scenarios/pk-850-2016");
        assertThat(r.exit()).isNotZero();
    }

    @Test
    void benchRunsAShortAuctionAndPrintsItsTimings() {
        Run r = run("clock", "bench", "--rounds", "3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("57 bidders").contains("3 rounds").contains("per round: mean");
    }
}
