package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.TestTranscripts;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.sealed.SealedBids;

import tools.jackson.databind.node.ObjectNode;

/** {@code verify} recomputes sealed stages by default, says so in its one line, and skips it with --no-recompute. */
class VerifyRecomputeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static SealedTranscripts pakistan2021() {
        SealedTranscripts t = SealedTranscripts.qualified("pk-ngms-2021", TestTranscripts.SEED).biddingOpens();
        SealedBids.load(Path.of("scenarios", "pk-ngms-2021")).offers("sealed")
                .forEach(o -> t.submit("sealed", o.bidder(), o.demand()));
        return t.close("sealed").concluded();
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private Path keys() throws IOException {
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, PublicKeyInfo.keysDocument(SealedTranscripts.KEYS).toString());
        return keys;
    }

    @Test
    void aCleanSealedAuctionSaysItsStageWasRecomputedAndMatches() throws IOException {
        Path bundle = write("bundle.jsonl", pakistan2021().bundle());

        int code = run("verify", bundle.toString(), "--keys", keys().toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(", seed revealed and matches its commitment, 0 receipt(s) checked, "
                + "sealed stages recomputed: 1, match" + System.lineSeparator());
    }

    @Test
    void aResignedChangedResultFailsUnlessRecomputationIsSwitchedOff() throws IOException {
        SealedTranscripts t = pakistan2021();
        ((ObjectNode) t.last("STAGE_RESULT").get("result").get("awards").get(0)).put("bidder", "jazz");
        Path bundle = write("changed.jsonl", t.bundle());

        assertThat(run("verify", bundle.toString(), "--keys", keys().toString())).isEqualTo(2);
        // the recorded result no longer matches the recomputation, nor the published outcome (Ufone's)
        assertThat(err.toString()).contains("NOT VERIFIED (2 failure(s))")
                .contains("RECOMPUTED_RESULT: the result of stage sealed recomputed from the opened bids differs "
                        + "from the recorded one: awards: recorded");

        out.getBuffer().setLength(0);
        assertThat(run("verify", bundle.toString(), "--keys", keys().toString(), "--no-recompute")).isZero();
        assertThat(out.toString()).contains("sealed stages not recomputed (--no-recompute)");
    }
}
