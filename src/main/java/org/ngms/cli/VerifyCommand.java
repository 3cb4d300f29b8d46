package org.ngms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Receipt;
import org.ngms.audit.SignedRecord;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.Finding;
import org.ngms.verifier.Verification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;

/**
 * {@code verify BUNDLE [--keys KEYS.json] [--receipt RECEIPT.json …] [--no-recompute]}: checks a published
 * transcript offline and recomputes its sealed stages, clock rounds and SMRA rounds from the published bids
 * (docs/audit.md). Exit 0 verified, 2 not verified (or an unreadable keys or receipt document), 1 an I/O error.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies a published transcript bundle (JSON lines) offline: hash chain, signatures, seed "
                + "commitment, signed head, and receipts; recomputes sealed-stage results from the opened bids and "
                + "every clock and SMRA round from its bids. "
                + "Exit 0 verified, 2 not verified, 1 an I/O error.")
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "the bundle, as downloaded from "
            + "GET /api/v1/auctions/{id}/transcript")
    Path bundle;

    @Option(names = "--keys", paramLabel = "KEYS.json",
            description = "the public keys as published at GET /api/v1/keys (without it, the bundle's own header "
                    + "keys are used, which proves less)")
    Path keys;

    @Option(names = "--receipt", paramLabel = "RECEIPT.json", description = "a signed receipt to check against the "
            + "bundle (repeatable)")
    List<Path> receipts = new ArrayList<>();

    @Option(names = "--no-recompute", description = "do not recompute sealed-stage results, clock and SMRA rounds "
            + "and the outcome from the "
            + "published bids (only the transcript, seed, head and receipts are checked)")
    boolean noRecompute;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> lines;
        Optional<List<PublicKeyInfo>> published = Optional.empty();
        List<Receipt> receiptList = new ArrayList<>();
        try {
            lines = Files.readAllLines(bundle, StandardCharsets.UTF_8);
            if (keys != null) {
                published = Optional.of(readKeys(keys));
            }
            for (Path receipt : receipts) {
                receiptList.add(readReceipt(receipt));
            }
        } catch (CharacterCodingException e) {
            err.println("not UTF-8: " + e.getMessage());
            return Cli.INVALID;
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Cli.INVALID;
        }
        Verification result = BundleVerifier.verify(lines, published, receiptList, !noRecompute);
        if (result.ok()) {
            out.println(summary(result));
            result.findings().forEach(f -> err.println(f.severity().name().toLowerCase() + ": " + f.describe()));
            return 0;
        }
        Finding first = result.firstFailure().orElseThrow();
        err.println(bundle + ": NOT VERIFIED (" + result.failures().size() + " failure(s))");
        err.println((first.seq().isPresent() ? "first bad record: " : "first failure: ") + first.describe());
        List<Finding> others = result.findings().stream().filter(f -> f != first).toList();
        if (!others.isEmpty()) {
            err.println("other findings:");
            others.forEach(f -> err.println("  " + f.severity().name().toLowerCase() + ": " + f.describe()));
        }
        for (int i = 0; i < receipts.size(); i++) {
            err.println("receipt " + (i + 1) + " is " + receipts.get(i));
        }
        return Cli.INVALID;
    }

    private static String summary(Verification result) {
        Verification.Summary s = result.summary();
        return "verified: chain " + s.chain()
                + ", " + s.verifiedRecords() + " records"
                + ", head " + s.headHash().orElse("(none)") + " at seq " + s.verifiedRecords()
                + ", keys " + String.join(" ", s.keysUsed())
                + (s.keySource() == Verification.KeySource.PUBLISHED ? " (published)" : " (from the bundle header)")
                + ", seed " + switch (s.seed()) {
                    case NO_COMMITMENT -> "not committed in this chain";
                    case NOT_YET_REVEALED -> "committed, not yet revealed";
                    case REVEALED_AND_MATCHES -> "revealed and matches its commitment";
                    case BROKEN -> "broken";
                }
                + ", " + s.receiptsChecked() + " receipt(s) checked"
                + recomputed(s.recomputation());
    }

    /**
     * Nothing for a chain without sealed, clock or SMRA stages; else how many sealed stages, clock rounds and SMRA
     * rounds were recomputed and whether they match.
     */
    private static String recomputed(Verification.Recomputation r) {
        if (!r.enabled()) {
            return ", sealed stages not recomputed (--no-recompute)";
        }
        String out = "";
        if (r.anySealedStage()) {
            out += ", sealed stages recomputed: " + r.recomputed()
                    + (r.recomputed() == 0 ? "" : r.matching() == r.recomputed() ? ", match"
                            : ", " + (r.recomputed() - r.matching()) + " differ")
                    + (r.skipped() == 0 ? "" : ", " + r.skipped() + " not recomputed (see the findings)");
        }
        if (r.anyClockStage()) {
            out += ", clock rounds recomputed: " + r.clockRounds()
                    + (r.clockRounds() == 0 ? "" : r.clockRoundsMatching() == r.clockRounds() ? ", match"
                            : ", " + (r.clockRounds() - r.clockRoundsMatching()) + " differ")
                    + (r.clockStagesSkipped() == 0 ? ""
                            : ", " + r.clockStagesSkipped() + " clock stage(s) not recomputed (see the findings)");
        }
        if (r.anySmraStage()) {
            out += ", SMRA rounds recomputed: " + r.smraRounds()
                    + (r.smraRounds() == 0 ? "" : r.smraRoundsMatching() == r.smraRounds() ? ", match"
                            : ", " + (r.smraRounds() - r.smraRoundsMatching()) + " differ")
                    + (r.smraStagesSkipped() == 0 ? ""
                            : ", " + r.smraStagesSkipped() + " SMRA stage(s) not recomputed (see the findings)");
        }
        return out;
    }

    private static JsonNode readJson(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        try {
            return SignedRecord.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static List<PublicKeyInfo> readKeys(Path path) throws IOException {
        JsonNode node = readJson(path);
        try {
            return PublicKeyInfo.fromKeysDocument(node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": not a keys document: " + e.getMessage(), e);
        }
    }

    private static Receipt readReceipt(Path path) throws IOException {
        JsonNode node = readJson(path);
        try {
            return Receipt.fromJson(node);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + ": not a receipt: " + e.getMessage(), e);
        }
    }
}
