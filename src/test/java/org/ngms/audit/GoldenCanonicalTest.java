package org.ngms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.BundleWriter;
import org.ngms.shared.CanonicalJson;

/**
 * The bytes that are hashed and signed, pinned in src/test/resources/golden/. A change of encoder, library or
 * field order that changes one byte fails here before it can change a published hash. The hashes were checked once
 * with {@code sha256sum} of the golden files. When a golden file is missing, the test writes the actual bytes to
 * target/golden/ for review and fails.
 */
class GoldenCanonicalTest {

    /** RFC 8785 corners: key order by UTF-16 units, escapes, non-ASCII as is, -0, exponent forms, nesting. */
    static final String RECORD = """
            {"chain":"auction:3f2c9a4e-6b1d-4c8e-9f70-2a5b8c1d0e34","seq":17,
             "prev":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "type":"BID_RECEIVED","at":"2026-03-10T05:12:00.456Z",
             "payload":{"round":3,"actor":"jazz-desk","amount":1250000000,"lots":["n78-b","n78-a"],
                        "note":"Jazz — bid ñ \\"quoted\\"\\n\\u001f","€":1,"éclair":true,"Z":null,
                        "numbers":{"b":1.5e3,"a":0.1,"neg":-0.0,"big":1e21,"small":1e-7},
                        "requestSha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}}
            """;

    @Test
    void aTranscriptRecordHasExactlyTheseCanonicalBytesAndThisHash() throws IOException {
        TranscriptRecord record = TranscriptRecord.fromJson(SignedRecord.parse(RECORD));

        String canonical = record.canonicalJson();

        assertGolden("transcript-record.json", canonical);
        assertGolden("transcript-record.sha256", record.hash());
        assertThat(CanonicalJson.sha256Hex(read("transcript-record.json").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(record.hash());
    }

    @Test
    void aReceiptHasExactlyThisCanonicalBodyAndSignature() throws IOException {
        Ed25519.KeyPair key = TestTranscripts.key("golden-key");
        Receipt unsigned = new Receipt("3f2c9a4e-6b1d-4c8e-9f70-2a5b8c1d0e34", Optional.of("allocation"),
                Optional.of(3), "jazz-desk", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                "auction:3f2c9a4e-6b1d-4c8e-9f70-2a5b8c1d0e34", 17,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "2026-03-10T05:12:00.456Z",
                Ed25519.keyId(key.publicKey()), "");
        String signature = Ed25519.base64(Ed25519.sign(key.privateKey(), Signatures.receipt(unsigned.canonicalBody())));
        Receipt receipt = Receipt.fromJson(unsigned.toJson().put("signature", signature));

        assertGolden("receipt-body.json", receipt.canonicalBody());
        assertGolden("receipt.json", CanonicalJson.canonicalize(receipt.toJson().toString()));
        assertThat(Receipt.fromJson(SignedRecord.parse(read("receipt.json")))).isEqualTo(receipt);
    }

    @Test
    void aSmallBundleHasExactlyTheseLinesAndVerifies() throws IOException {
        Ed25519.KeyPair key = TestTranscripts.key("golden-key");
        List<SignedRecord> records = TestTranscripts.sign(TestTranscripts.records(3, false), r -> key);
        List<String> lines = BundleWriter.write(TestTranscripts.CHAIN, records,
                List.of(TestTranscripts.current(key, TestTranscripts.START)), Ed25519.keyId(key.publicKey()),
                key.privateKey());

        assertGolden("bundle.jsonl", String.join("\n", lines) + "\n");
        assertGolden("keys.json", CanonicalJson.canonicalize(PublicKeyInfo.keysDocument(
                List.of(TestTranscripts.current(key, TestTranscripts.START))).toString()));
        assertThat(BundleVerifier.verify(read("bundle.jsonl").lines().toList()).ok()).isTrue();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = GoldenCanonicalTest.class.getResourceAsStream("/golden/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertGolden(String name, String actual) throws IOException {
        String expected = read(name);
        if (expected == null) {
            Path out = Path.of("target", "golden", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
            fail("no golden file " + name + "; the actual bytes are in " + out.toAbsolutePath());
        }
        assertThat(actual).as("golden/" + name).isEqualTo(expected);
    }
}
