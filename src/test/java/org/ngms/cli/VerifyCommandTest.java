package org.ngms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TestTranscripts;
import org.ngms.verifier.BundleWriter;
import org.ngms.shared.CanonicalJson;

class VerifyCommandTest {

    private static final Ed25519.KeyPair KEY = TestTranscripts.key("service-key-2026");
    private static final List<PublicKeyInfo> KEYS =
            List.of(TestTranscripts.current(KEY, TestTranscripts.START.minus(Duration.ofDays(1))));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<SignedRecord> records = TestTranscripts.sign(TestTranscripts.records(22, true), r -> KEY);

    @TempDir
    Path dir;
    private Path bundle;
    private Path keys;

    @BeforeEach
    void writeFiles() throws IOException {
        bundle = write("bundle.jsonl", BundleWriter.write(TestTranscripts.CHAIN, records, KEYS,
                TestTranscripts.kid(KEY), KEY.privateKey()));
        keys = dir.resolve("keys.json");
        Files.writeString(keys, PublicKeyInfo.keysDocument(KEYS).toString());
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aValidBundleExitsZeroWithAOneLineSummary() throws IOException {
        Path receipt = dir.resolve("r.json");
        Files.writeString(receipt, TestTranscripts.receipt(records.get(6), KEY).toJson().toString());

        int code = run("verify", bundle.toString(), "--keys", keys.toString(), "--receipt", receipt.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("verified: chain " + TestTranscripts.CHAIN + ", 22 records, head "
                + records.get(21).hash() + " at seq 22, keys " + TestTranscripts.kid(KEY) + " (published), seed "
                + "revealed and matches its commitment, 1 receipt(s) checked" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withoutKeysItVerifiesButWarnsThatTheHeaderKeysWereUsed() {
        assertThat(run("verify", bundle.toString())).isZero();
        assertThat(out.toString()).contains("(from the bundle header)");
        assertThat(err.toString()).contains("warning: line 1: KEY_SOURCE:");
    }

    @Test
    void aTamperedBundleExitsTwoNamingTheFirstBadRecord() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(bundle));
        lines.set(9, lines.get(9).replace("jazz-desk", "jazz-dusk"));
        lines.remove(lines.size() - 1);
        Path tampered = write("tampered.jsonl", lines);

        int code = run("verify", tampered.toString(), "--keys", keys.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("NOT VERIFIED (2 failure(s))")
                .contains("first bad record: line 10, seq 9: HASH: the line says hash " + records.get(8).hash())
                .contains("other findings:")
                .contains("failure: line 23: HEAD_MISSING");
    }

    @Test
    void aReceiptThatDoesNotMatchExitsTwo() throws IOException {
        Path receipt = dir.resolve("r.json");
        Files.writeString(receipt, TestTranscripts.receipt(records.get(6), CanonicalJson.sha256Hex("other"),
                records.get(6).hash(), KEY).toJson().toString());

        assertThat(run("verify", bundle.toString(), "--keys", keys.toString(), "--receipt", receipt.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("line 8, seq 7: RECEIPT_REQUEST: receipt 1 says request SHA-256")
                .contains("receipt 1 is " + receipt);
    }

    @Test
    void aMissingFileExitsOne() {
        assertThat(run("verify", dir.resolve("none.jsonl").toString())).isEqualTo(1);
        assertThat(run("verify", bundle.toString(), "--keys", dir.resolve("none.json").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read");
    }

    @Test
    void aKeysFileThatIsNotAKeysDocumentExitsTwo() throws IOException {
        Files.writeString(keys, "{\"keys\":[{\"kid\":\"0000000000000000\"}]}");

        assertThat(run("verify", bundle.toString(), "--keys", keys.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a keys document: keys[0]: a key needs algorithm");
    }

    @Test
    void theGoldenBundleVerifiesWithItsGoldenKeys() {
        assertThat(run("verify", "src/test/resources/golden/bundle.jsonl", "--keys",
                "src/test/resources/golden/keys.json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 records").contains("committed, not yet revealed");
    }
}
